-- Keyword search over a licence's own text uses a trigram index, so '%word%' never scans the table.
-- The expression must stay identical to LicenceQueries.OWN_TEXT.
create extension if not exists pg_trgm;

create index licence_search_trgm_idx on licence
    using gin ((lower(coupon_code || ' ' || name || ' ' || coalesce(note, ''))) gin_trgm_ops);

create index app_user_search_trgm_idx on app_user
    using gin ((lower(name || ' ' || email || ' ' || coalesce(company, ''))) gin_trgm_ops);
