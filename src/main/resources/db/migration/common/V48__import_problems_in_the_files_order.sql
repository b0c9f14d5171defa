-- The order an import's check reported its problems in: along the file, and a refused row's cells in the order of
-- the file's columns (its header), which the report keeps (decision 0168). Ordering a line's problems by column name
-- listed "activated" before "name" whatever the header said. Reports checked before this have none: they keep
-- listing a row's cells by column name.
alter table licence_import_problem add column report_order int;
