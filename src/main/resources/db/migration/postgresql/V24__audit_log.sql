-- The audit log (decision 0051). Kept in step with h2/V24__audit_log.sql; the trigram indexes are PostgreSQL's.

-- Where a change came from: the request's IP address (null for the system's own work).
alter table audit_event add column address varchar(64);
-- What the change is about, named as it was then, for the log and its search.
alter table audit_event add column subject_label varchar(300);
-- A refused coupon code is a subject without an id.
alter table audit_event alter column subject_id drop not null;

-- Licence rows written before: their licence's name and code, when it still exists.
update audit_event set subject_label = (
    select l.name || ' (' || l.coupon_code || ')' from licence l where l.id = audit_event.subject_id)
where subject_type = 'LICENCE';

-- The log is newest first, a keyset over the id, whatever the filter.
create index audit_event_log_idx on audit_event (organisation_id, id);
create index audit_event_type_idx on audit_event (organisation_id, subject_type, id);
create index audit_event_action_idx on audit_event (organisation_id, action, id);
create index audit_event_time_idx on audit_event (organisation_id, occurred_at);
-- "Who" and "object" are searched for part of a word, any case: trigrams, as for the licence list (V3).
create index audit_event_actor_trgm_idx on audit_event using gin ((lower(actor_email)) gin_trgm_ops);
create index audit_event_label_trgm_idx on audit_event using gin ((lower(subject_label)) gin_trgm_ops);

-- Append-only: no update, delete or truncate, whoever asks. Only a superuser who drops the trigger can.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
