-- When an endpoint's current signing secret was made (decision 0170): at creation, then at each roll. It is part of
-- what the REST API writes of the endpoint, so its ETag changes at every roll, a "stop now" roll without an overlap
-- too (previous_secret_until stays null then): a roll sent with If-Match and the tag read before another roll is a
-- 412, not a second secret that silently replaces the first. The endpoints rolled before this column take the time of
-- their last roll in the audit log, the others their creation.
alter table webhook_endpoint add column secret_created_at timestamp with time zone;
update webhook_endpoint set secret_created_at = coalesce(
    (select max(a.occurred_at) from audit_event a
     where a.organisation_id = webhook_endpoint.organisation_id and a.subject_type = 'WEBHOOK_ENDPOINT'
       and a.subject_id = webhook_endpoint.id and a.action = 'SECRET_ROLLED'),
    created_at);
alter table webhook_endpoint alter column secret_created_at set not null;
-- An older node still running during a rolling upgrade registers endpoints without the column: they take the time of
-- their insert, which is when their secret was made.
alter table webhook_endpoint alter column secret_created_at set default current_timestamp;

-- An Idempotency-Key's answer that carries a secret (a webhook endpoint's signing secret, at its creation or a roll)
-- is kept sealed with the key-encryption key, as the secret itself is (decisions 0167 and 0170): answer_body then
-- holds "aes-gcm:<key id>:<base64>" in ASCII, bound to the token and the key.
alter table idempotency_key add column answer_sealed boolean not null default false;
