-- One index per sort column of the main list, each ending in the id like the keyset cursor, so that a
-- page sorted by any column (and any page after a cursor) reads 25 index entries instead of sorting a
-- million rows. The expressions must stay identical to LicenceSort's.
create index licence_sort_code_idx on licence (organisation_id, coupon_code, id);
create index licence_sort_name_idx on licence (organisation_id, name, id);
create index licence_sort_quantity_idx on licence (organisation_id, quantity, id);
create index licence_sort_amount_idx on licence (organisation_id, (quantity * unit_price_minor), id);
create index licence_sort_ends_idx on licence (organisation_id, (coalesce(ends_on, date '9999-12-31')), id);
