-- The index of a licence's organisation and id carries its end date, so that the newest expired licence is found in
-- the index alone (LicenceQueries.startAtNewestExpired): the newest licences of a book are seldom expired, and
-- finding it in the table read every newer licence first (140,807 at 10,000,000 licences, 21-35 ms; 4-8 ms in the
-- index). It replaces the index of the same key rather than adding one (301 MB -> 387 MB at 10,000,000 licences).
-- Building it took 14 s at 10,000,000 licences, during which licences cannot be written.
create index licence_organisation_id_ends_idx on licence (organisation_id, id) include (ends_on);
drop index licence_organisation_id_idx;
