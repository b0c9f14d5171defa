-- A device holds at most one seat of a licence. Activation already decides this under the licence's row
-- lock; the partial unique index (PostgreSQL only; H2 has no partial indexes) makes the database refuse
-- a second seat if a future code path forgot the lock.
create unique index screen_licence_device_key on screen (licence_id, fingerprint)
    where fingerprint is not null and removed_at is null;
