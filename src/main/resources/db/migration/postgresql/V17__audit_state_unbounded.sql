-- The history's JSON of a licence (before → after) outgrew 4,000 characters for a valid note of 2,000 characters
-- that JSON escapes (quotes, backslashes). No valid input may fail in the audit trail: the state is unbounded.
alter table audit_event alter column before_state type text;
alter table audit_event alter column after_state type text;
