-- Webhook signing secrets are stored encrypted with the key-encryption key (decision 0167):
-- "aes-gcm:<key id>:<base64 of nonce, secret and tag>", 124 characters for a secret of 49. The H2 twin of this
-- migration gives twice as much (decision 0155).
alter table webhook_endpoint alter column signing_secret type varchar(200);
alter table webhook_endpoint alter column previous_signing_secret type varchar(200);
