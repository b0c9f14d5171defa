-- Rolling a webhook endpoint's signing secret (decision 0157): the secret it replaced may keep signing beside the
-- new one for a while, so that a receiver still holding it accepts every delivery until it has the new one.
-- previous_signing_secret: the replaced secret, kept to sign with (never shown); previous_secret_until: when it
-- stops signing. Both null when there is no overlap. Portable: H2 in PostgreSQL mode and PostgreSQL 14+.
alter table webhook_endpoint add column previous_signing_secret varchar(100);
alter table webhook_endpoint add column previous_secret_until timestamp with time zone;
