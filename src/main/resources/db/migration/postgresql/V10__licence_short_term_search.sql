-- Search terms of one or two characters cannot use the trigram index (a trigram needs three), so
-- '%ab%' would scan the whole table. This index holds every distinct character and pair of adjacent
-- characters of a licence's own searchable text: "contains ab" is exactly "its pairs include ab".
-- See docs/decisions/0001-short-search-terms.md. The expression must stay identical to
-- LicenceQueries.SHORT_GRAMS. The function is costly per row (regular expressions), which its declared
-- cost tells the planner, so that it reads the index instead of calling it on every row it scans.
create function licence_short_grams(t text) returns text[]
    language sql immutable strict parallel safe cost 10000
    return string_to_array(t, null)
        || string_to_array(regexp_replace(t, '(..)', '\1' || chr(1), 'g') || chr(1)
                           || regexp_replace(substr(t, 2), '(..)', '\1' || chr(1), 'g'), chr(1));

create index licence_short_grams_idx on licence
    using gin (licence_short_grams(lower(coupon_code || ' ' || name || ' ' || coalesce(note, ''))));
