-- Webhook signing secrets are stored encrypted with the key-encryption key (decision 0167):
-- "aes-gcm:<key id>:<base64 of nonce, secret and tag>", 124 characters for a secret of 49. PostgreSQL's columns hold
-- 200 characters; H2's twice that, as every bounded text column (decision 0155).
alter table webhook_endpoint alter column signing_secret set data type varchar(400);
alter table webhook_endpoint alter column previous_signing_secret set data type varchar(400);
