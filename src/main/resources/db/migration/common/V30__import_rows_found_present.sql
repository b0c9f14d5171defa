-- A staged import row the organisation has already (imported before under its key, or its own licence by code), as
-- found when the row was staged: the check drops these after refusing the file's repeated keys (decision 0047).
alter table licence_import_row add column present boolean default false not null;
