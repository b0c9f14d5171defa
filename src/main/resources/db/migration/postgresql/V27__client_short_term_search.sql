-- A search term of one or two characters finds clients through the index of their text's characters and pairs,
-- as it finds licences (V10): trigrams cannot serve it, and reading every client of a large organisation took
-- 140 ms at 100,000 clients, twice per list page. The expression must stay identical to LicenceQueries.CLIENT_TEXT.
create index app_user_short_grams_idx on app_user
    using gin (licence_short_grams(lower(name || ' ' || email || ' ' || coalesce(company, ''))));
