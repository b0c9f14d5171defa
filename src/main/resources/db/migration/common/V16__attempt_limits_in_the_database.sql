-- Attempt limits live in the database, so that every node counts the same attempts (decision 0030).

-- Attempts per key in a window, refilled evenly (a token bucket written as one moment, the "generic cell
-- rate algorithm"): ready_at moves one interval (window / attempts) into the future with each attempt,
-- starting from now when it is in the past; an attempt is allowed while ready_at stays within one window
-- of now. Times are milliseconds since 1970 (UTC) so that one UPDATE can do that arithmetic the same way
-- on PostgreSQL and H2. A row whose ready_at has passed means "nothing used" and may be deleted.
-- limit_key is the limit's name, ':' and the SHA-256 (hex) of what it counts (a client, an address, an
-- e-mail), so that no address is stored and any length fits.
create table attempt_limit (
    limit_key  varchar(120) primary key,
    ready_at   bigint       not null
);

create index attempt_limit_ready_at_idx on attempt_limit (ready_at);

-- Failed sign-ins in a row per e-mail typed and remote address, for the growing wait between them; a row
-- is forgotten a day after its last failure. limit_key is the SHA-256 (hex) of the e-mail and the address.
create table sign_in_failure (
    limit_key       varchar(64) primary key,
    failures        integer     not null,
    last_failed_at  timestamp with time zone not null
);

create index sign_in_failure_last_failed_at_idx on sign_in_failure (last_failed_at);

-- Browsers that signed in to an account before (the device cookie): only the SHA-256 of the cookie's random
-- token is stored. Their sign-ins are not held back by other people's failures; after failures of their own
-- they are trusted no more. A device not used for the cookie's lifetime is deleted.
create table sign_in_device (
    token_hash    varchar(64)  primary key,
    email         varchar(254) not null,
    failures      integer      not null default 0,
    last_used_at  timestamp with time zone not null
);

create index sign_in_device_last_used_at_idx on sign_in_device (last_used_at);
