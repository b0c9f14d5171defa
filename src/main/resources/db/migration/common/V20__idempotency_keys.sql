-- Idempotency keys of the REST API (docs/api-idempotency.md, decision 0043): a POST sent with
-- "Idempotency-Key: <key>" runs once per token and key; a retry gets the first answer again.
--
-- key_text is the key as the client sent it (1 to 255 printable ASCII characters); one token's keys never meet
-- another's. request_hash is the SHA-256 (hex) of the method, path, query and body of the first request: the
-- same key with another request is refused. The primary key is what decides between two nodes racing with one
-- key: only one insert wins.
--
-- A key is IN_PROGRESS while its request runs on some node (attempt names that run, locked_at is when it
-- started), then DONE with the answer to replay: status, content type, Location and body (answer_body is null
-- when the body was too large to keep; an empty body is stored as empty). A request that fails with a 5xx
-- deletes its key so that it can be retried. A key left IN_PROGRESS by a node that died is taken over by a
-- retry once locked_at is old enough. Keys are deleted a day after created_at (IdempotencyKeyCleanUp).
create table idempotency_key (
    token_id             bigint        not null references api_token (id) on delete cascade,
    key_text             varchar(255)  not null,
    request_hash         varchar(64)   not null,
    state                varchar(12)   not null,
    attempt              varchar(36)   not null,
    locked_at            timestamp with time zone not null,
    created_at           timestamp with time zone not null,
    answer_status        integer,
    answer_content_type  varchar(255),
    answer_location      varchar(2048),
    answer_body          bytea,
    constraint idempotency_key_pk primary key (token_id, key_text),
    constraint idempotency_key_state_check check (state in ('IN_PROGRESS', 'DONE')),
    constraint idempotency_key_answer_check check (state = 'IN_PROGRESS' or answer_status is not null)
);

create index idempotency_key_created_at_idx on idempotency_key (created_at);
