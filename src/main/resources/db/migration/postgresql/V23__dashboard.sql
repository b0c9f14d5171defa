-- The dashboard (decision 0050): its licence and invoice figures come from two tallies that triggers keep current
-- in the transaction of every change, whatever code makes it (console, portal, REST API, import, renewals, a COPY).
-- H2's V23 makes only the indexes: the embedded demo reads its figures from the tables themselves.

-- A staff member's screens (dashboard): those not removed, by organisation. The check-in time is left out on
-- purpose: the check-in flush writes it for every screen, and an index on it would cost every one of those writes.
create index screen_organisation_idx on screen (organisation_id, removed_at);

-- The invoice list filtered by the month invoices were issued or paid in, and overdue (unpaid, past due).
create index invoice_organisation_issued_idx on invoice (organisation_id, issued_on);
create index invoice_organisation_paid_idx on invoice (organisation_id, paid_on);
create index invoice_organisation_due_idx on invoice (organisation_id, status, due_on);

-- Licences counted by what their status, screens and recurring revenue depend on. A row is a change (+1 licence
-- with its screens and amount, or -1); the figures are sums over an organisation's rows. Writers only ever insert
-- rows, so two transactions never wait for each other here, however many licences they change. Rows written by a
-- trigger are pending; TallyCompaction replaces an organisation's rows with their sums from time to time, which
-- keeps an organisation at about one row per activation day, term and state (some 13,000 at 1,000,000 licences).
create table licence_tally (
    organisation_id bigint      not null,
    term            varchar(20) not null,
    activated_on    date,
    ends_on         date,
    paused          boolean     not null,
    assigned        boolean     not null,
    licences        bigint      not null,
    screens         bigint      not null,
    amount_minor    bigint      not null,
    pending         boolean     not null default true
);

create index licence_tally_organisation_idx on licence_tally (organisation_id);
create index licence_tally_pending_idx on licence_tally (organisation_id) where pending;

-- Invoices counted by day and measure: ISSUED on the day an invoice not void was issued, PAID on the day a paid one
-- was paid, UNPAID on the due date of one issued or sent (overdue once that day has passed). Same rules as above.
create table invoice_tally (
    organisation_id bigint      not null,
    measure         varchar(10) not null,
    on_day          date        not null,
    invoices        bigint      not null,
    total_minor     bigint      not null,
    pending         boolean     not null default true,
    constraint invoice_tally_measure_check check (measure in ('ISSUED', 'PAID', 'UNPAID'))
);

create index invoice_tally_organisation_idx on invoice_tally (organisation_id, measure, on_day);
create index invoice_tally_pending_idx on invoice_tally (organisation_id) where pending;

-- One function per table for the three triggers: the rows a statement inserted count +1, the rows it deleted -1,
-- and an update counts its rows' old state -1 and new state +1, netted, so that an update of anything the tally does
-- not read (a name, a billing status) writes nothing. Statement triggers with transition tables: an import's batch
-- of 5,000 licences is one grouped insert, not 5,000.
create function licence_tally_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into licence_tally (organisation_id, term, activated_on, ends_on, paused, assigned, licences, screens,
                                   amount_minor)
        select organisation_id, term, activated_on, ends_on, paused, client_id is not null, count(*), sum(quantity),
               sum(quantity::bigint * unit_price_minor)
        from new_rows
        group by organisation_id, term, activated_on, ends_on, paused, client_id is not null;
    elsif tg_op = 'DELETE' then
        insert into licence_tally (organisation_id, term, activated_on, ends_on, paused, assigned, licences, screens,
                                   amount_minor)
        select organisation_id, term, activated_on, ends_on, paused, client_id is not null, -count(*), -sum(quantity),
               -sum(quantity::bigint * unit_price_minor)
        from old_rows
        group by organisation_id, term, activated_on, ends_on, paused, client_id is not null;
    else
        insert into licence_tally (organisation_id, term, activated_on, ends_on, paused, assigned, licences, screens,
                                   amount_minor)
        select organisation_id, term, activated_on, ends_on, paused, assigned, sum(licences), sum(screens),
               sum(amount_minor)
        from (select organisation_id, term, activated_on, ends_on, paused, client_id is not null as assigned,
                     -1 as licences, -quantity as screens, -(quantity::bigint * unit_price_minor) as amount_minor
              from old_rows
              union all
              select organisation_id, term, activated_on, ends_on, paused, client_id is not null, 1, quantity,
                     quantity::bigint * unit_price_minor
              from new_rows) change
        group by organisation_id, term, activated_on, ends_on, paused, assigned
        having sum(licences) <> 0 or sum(screens) <> 0 or sum(amount_minor) <> 0;
    end if;
    return null;
end
$$;

create trigger licence_tally_insert after insert on licence
    referencing new table as new_rows for each statement execute function licence_tally_change();
create trigger licence_tally_update after update on licence
    referencing old table as old_rows new table as new_rows for each statement execute function licence_tally_change();
create trigger licence_tally_delete after delete on licence
    referencing old table as old_rows for each statement execute function licence_tally_change();

-- What an invoice counts for: its total on the day it was issued unless void, on the day it was paid if paid, and on
-- its due date while issued or sent. Each branch names its statement's rows "changed", with a sign (+1 new, -1 old).
create function invoice_tally_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        with changed as (select organisation_id, status, issued_on, due_on, paid_on, total_minor, 1 as sign from new_rows)
        insert into invoice_tally (organisation_id, measure, on_day, invoices, total_minor)
        select organisation_id, measure, on_day, sum(invoices), sum(total_minor)
        from (select organisation_id, 'ISSUED' as measure, issued_on as on_day, sign as invoices,
                     sign * total_minor as total_minor
              from changed where status <> 'VOID'
              union all
              select organisation_id, 'PAID', paid_on, sign, sign * total_minor
              from changed where status = 'PAID' and paid_on is not null
              union all
              select organisation_id, 'UNPAID', due_on, sign, sign * total_minor
              from changed where status in ('ISSUED', 'SENT')) measured
        group by organisation_id, measure, on_day
        having sum(invoices) <> 0 or sum(total_minor) <> 0;
    elsif tg_op = 'DELETE' then
        with changed as (select organisation_id, status, issued_on, due_on, paid_on, total_minor, -1 as sign from old_rows)
        insert into invoice_tally (organisation_id, measure, on_day, invoices, total_minor)
        select organisation_id, measure, on_day, sum(invoices), sum(total_minor)
        from (select organisation_id, 'ISSUED' as measure, issued_on as on_day, sign as invoices,
                     sign * total_minor as total_minor
              from changed where status <> 'VOID'
              union all
              select organisation_id, 'PAID', paid_on, sign, sign * total_minor
              from changed where status = 'PAID' and paid_on is not null
              union all
              select organisation_id, 'UNPAID', due_on, sign, sign * total_minor
              from changed where status in ('ISSUED', 'SENT')) measured
        group by organisation_id, measure, on_day
        having sum(invoices) <> 0 or sum(total_minor) <> 0;
    else
        with changed as (select organisation_id, status, issued_on, due_on, paid_on, total_minor, -1 as sign from old_rows
                         union all
                         select organisation_id, status, issued_on, due_on, paid_on, total_minor, 1 from new_rows)
        insert into invoice_tally (organisation_id, measure, on_day, invoices, total_minor)
        select organisation_id, measure, on_day, sum(invoices), sum(total_minor)
        from (select organisation_id, 'ISSUED' as measure, issued_on as on_day, sign as invoices,
                     sign * total_minor as total_minor
              from changed where status <> 'VOID'
              union all
              select organisation_id, 'PAID', paid_on, sign, sign * total_minor
              from changed where status = 'PAID' and paid_on is not null
              union all
              select organisation_id, 'UNPAID', due_on, sign, sign * total_minor
              from changed where status in ('ISSUED', 'SENT')) measured
        group by organisation_id, measure, on_day
        having sum(invoices) <> 0 or sum(total_minor) <> 0;
    end if;
    return null;
end
$$;

create trigger invoice_tally_insert after insert on invoice
    referencing new table as new_rows for each statement execute function invoice_tally_change();
create trigger invoice_tally_update after update on invoice
    referencing old table as old_rows new table as new_rows for each statement execute function invoice_tally_change();
create trigger invoice_tally_delete after delete on invoice
    referencing old table as old_rows for each statement execute function invoice_tally_change();

-- The state of its licence that decides whether a screen is on an active licence, copied onto the screen, so that the
-- dashboard counts the screens of the active licences in one pass over the organisation's screens instead of looking
-- up each screen's licence (10,000 look-ups took 25 ms on a busy machine). A screen takes its licence's state when it
-- is inserted, and a licence's change of state is copied onto its screens in the same statement. The screens are
-- locked in id order, the order in which the check-in flush (LastCheckIns) writes them, so that the two cannot
-- deadlock. Nothing else writes these columns.
alter table screen add column licence_paused boolean;
alter table screen add column licence_activated_on date;
alter table screen add column licence_ends_on date;

create function screen_takes_licence_state() returns trigger
    language plpgsql as
$$
begin
    select paused, activated_on, ends_on into new.licence_paused, new.licence_activated_on, new.licence_ends_on
    from licence where id = new.licence_id;
    return new;
end
$$;

create trigger screen_licence_state before insert on screen
    for each row execute function screen_takes_licence_state();

create function licence_state_to_screens() returns trigger
    language plpgsql as
$$
begin
    update screen s
    set licence_paused = changed.paused, licence_activated_on = changed.activated_on, licence_ends_on = changed.ends_on
    from (select s2.id, n.paused, n.activated_on, n.ends_on
          from screen s2
          join new_rows n on n.id = s2.licence_id
          where (s2.licence_paused, s2.licence_activated_on, s2.licence_ends_on)
                is distinct from (n.paused, n.activated_on, n.ends_on)
          order by s2.id
          for update of s2) changed
    where s.id = changed.id;
    return null;
end
$$;

create trigger licence_screens_state after update on licence
    referencing new table as new_rows for each statement execute function licence_state_to_screens();

update screen s
set licence_paused = l.paused, licence_activated_on = l.activated_on, licence_ends_on = l.ends_on
from licence l
where l.id = s.licence_id;

-- What is there already, counted once (not pending: nothing to compact).
insert into licence_tally (organisation_id, term, activated_on, ends_on, paused, assigned, licences, screens,
                           amount_minor, pending)
select organisation_id, term, activated_on, ends_on, paused, client_id is not null, count(*), sum(quantity),
       sum(quantity::bigint * unit_price_minor), false
from licence
group by organisation_id, term, activated_on, ends_on, paused, client_id is not null;

insert into invoice_tally (organisation_id, measure, on_day, invoices, total_minor, pending)
select organisation_id, measure, on_day, count(*), sum(total_minor), false
from (select organisation_id, 'ISSUED' as measure, issued_on as on_day, total_minor from invoice where status <> 'VOID'
      union all
      select organisation_id, 'PAID', paid_on, total_minor from invoice where status = 'PAID' and paid_on is not null
      union all
      select organisation_id, 'UNPAID', due_on, total_minor from invoice where status in ('ISSUED', 'SENT')) measured
group by organisation_id, measure, on_day;
