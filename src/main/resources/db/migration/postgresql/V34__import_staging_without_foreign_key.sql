-- The staging rows of an import no longer check their import's row (decision 0103). The foreign key fired a check
-- for every staged row: measured on the benchmark's database, COPY of 1,000,000 staged rows took 10.5–12.7 s with it
-- and 3.3–4.0 s without. Imports are never deleted, so its cascade never ran; the rows are written only by the check
-- of the import they name, and deleted by its end (ImportJobs.dropRows). H2, the demo database, keeps its unnamed
-- constraint: there is no such volume there, and the name it was given cannot be written here.
alter table licence_import_row drop constraint licence_import_row_import_id_fkey;
