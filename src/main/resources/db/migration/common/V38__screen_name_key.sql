-- A screen's name as it is compared, one per live screen of a licence (decision 0151): its name in Unicode's NFC,
-- case-folded by Java (ScreenName.key: upper, then lower, case in Locale.ROOT), so that "écran" and "ÉCRAN", or
-- "straße" and "STRASSE", are one name whatever the database's locale. The database's lower() folds only ASCII in a
-- "C" locale. A removed screen has none (its name stays, for history), so that a removed name may be used again:
-- nulls are distinct in a unique index, on H2 as on PostgreSQL, which needs no partial index (H2 has none). Screens
-- stored before are given theirs when a node starts (ScreenNameKeysAtStart).
alter table screen add column name_key varchar(400);

create unique index screen_licence_name_key on screen (licence_id, name_key);
