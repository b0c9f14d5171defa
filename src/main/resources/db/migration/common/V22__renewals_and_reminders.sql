-- Renewals (decision 0048). Whether a licence renews by itself: the plan's default, which a licence may override
-- (null: the plan decides).
alter table plan add column auto_renew boolean default false not null;
alter table licence add column auto_renew boolean;

-- The current term's first day: null for the first term, which starts on activated_on. A renewal sets it to the
-- previous term's end, and the day the plan's price was read for the term.
alter table licence add column term_starts_on date;
alter table licence add column term_priced_on date;

-- Why a paused licence is paused: null when a person paused it, OVERDUE when its renewal invoice went unpaid.
alter table licence add column pause_reason varchar(20);
alter table licence add constraint licence_pause_reason_check check (pause_reason in ('OVERDUE'));

-- The renewal cycle's settings, per organisation.
alter table organisation add column renewal_invoice_days int default 14 not null;
alter table organisation add column overdue_reminder_days int default 7 not null;
alter table organisation add column overdue_pause boolean default false not null;
alter table organisation add column overdue_pause_days int default 30 not null;

-- A client may turn reminders off; invoices still reach them.
alter table app_user add column reminders_off boolean default false not null;

-- Each notice is sent once: the row and its e-mail commit together, and the key refuses a second row.
create table licence_notice (
    licence_id  bigint      not null references licence (id) on delete cascade,
    term_number int         not null,
    kind        varchar(20) not null,
    sent_at     timestamp with time zone not null,
    constraint licence_notice_pk primary key (licence_id, term_number, kind),
    constraint licence_notice_kind_check check (kind in ('EXPIRING_SOON', 'EXPIRED', 'RENEWED'))
);

create table invoice_notice (
    invoice_id bigint      not null references invoice (id),
    kind       varchar(20) not null,
    sent_at    timestamp with time zone not null,
    constraint invoice_notice_pk primary key (invoice_id, kind),
    constraint invoice_notice_kind_check check (kind in ('OVERDUE', 'OVERDUE_PAUSE'))
);

create table digest_sent (
    user_id    bigint not null references app_user (id) on delete cascade,
    week_start date   not null,
    sent_at    timestamp with time zone not null,
    constraint digest_sent_pk primary key (user_id, week_start)
);

-- ShedLock: one node at a time runs each scheduled job (decision 0049).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
