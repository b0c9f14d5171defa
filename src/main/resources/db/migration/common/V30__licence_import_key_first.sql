-- The import's look-up of a licence by organisation and key leads with the key (decision 0099): the unique index is
-- rebuilt key first, and the queries name the organisation as organisation_id + 0, which no index starts with. The
-- plan then cannot fall back on an index of the organisation when PostgreSQL's statistics miss the organisation's
-- licences (a large import in the running transaction). import_key is null for every licence typed in by hand; the
-- new index is built before the old one goes, so that a second import is refused as before throughout.
create unique index licence_import_key_first_idx on licence (import_key, organisation_id);
drop index licence_import_key_idx;
