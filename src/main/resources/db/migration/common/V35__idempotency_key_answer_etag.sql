-- A replayed Idempotency-Key answer carries the ETag the first answer had, beside its Location (decision 0135):
-- a program that retried a create got the object without the tag it needs for If-Match. Null when the first
-- answer had none, and for keys kept before this column.
alter table idempotency_key add column answer_etag varchar(100);
