-- The invoice list's totals and counts without a client or a keyword (the whole list, a status, overdue, the month
-- issued or paid in): added up from this tally instead of every invoice of the filter, which took 0.45-1.1 s at
-- 525,000 invoices. See docs/decisions/0154-invoice-list-totals-kept-ahead.md.
--
-- A row is a change: +1 invoice with its amounts, or -1, grouped by everything the list's filters and totals read.
-- The month issued and the month paid are enough for the filters (whole months); the due date is kept to the day, and
-- only for an invoice issued or sent, the only ones the overdue filter and total look at. Triggers write it in the
-- transaction of every change to an invoice, whatever code makes it, and only ever insert, as invoice_tally does
-- (V23): two transactions never wait for each other here, so concurrent sends neither queue on one row nor deadlock.
-- InvoiceTallyCompaction replaces the pending rows of a group with their sum from time to time.
create table invoice_list_tally (
    organisation_id bigint      not null,
    currency        varchar(3)  not null,
    status          varchar(10) not null,
    issued_in       date        not null,
    paid_in         date,
    due_on          date,
    invoices        bigint      not null,
    subtotal_minor  bigint      not null,
    vat_minor       bigint      not null,
    total_minor     bigint      not null,
    pending         boolean     not null default true
);

create index invoice_list_tally_organisation_idx on invoice_list_tally (organisation_id);
create index invoice_list_tally_pending_idx on invoice_list_tally (organisation_id) where pending;

-- The rows a statement inserted count +1, those it deleted -1; an update counts its rows' old state -1 and new state
-- +1, netted, so that an update of nothing the tally reads (a payment reference, a billed term) writes nothing.
create function invoice_list_tally_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into invoice_list_tally (organisation_id, currency, status, issued_in, paid_in, due_on, invoices,
                                        subtotal_minor, vat_minor, total_minor)
        select organisation_id, currency, status, date_trunc('month', issued_on)::date,
               date_trunc('month', paid_on)::date, case when status in ('ISSUED', 'SENT') then due_on end,
               count(*), sum(subtotal_minor), sum(vat_minor), sum(total_minor)
        from new_rows
        group by 1, 2, 3, 4, 5, 6;
    elsif tg_op = 'DELETE' then
        insert into invoice_list_tally (organisation_id, currency, status, issued_in, paid_in, due_on, invoices,
                                        subtotal_minor, vat_minor, total_minor)
        select organisation_id, currency, status, date_trunc('month', issued_on)::date,
               date_trunc('month', paid_on)::date, case when status in ('ISSUED', 'SENT') then due_on end,
               -count(*), -sum(subtotal_minor), -sum(vat_minor), -sum(total_minor)
        from old_rows
        group by 1, 2, 3, 4, 5, 6;
    else
        insert into invoice_list_tally (organisation_id, currency, status, issued_in, paid_in, due_on, invoices,
                                        subtotal_minor, vat_minor, total_minor)
        select organisation_id, currency, status, date_trunc('month', issued_on)::date,
               date_trunc('month', paid_on)::date, case when status in ('ISSUED', 'SENT') then due_on end,
               sum(sign), sum(sign * subtotal_minor), sum(sign * vat_minor), sum(sign * total_minor)
        from (select organisation_id, currency, status, issued_on, paid_on, due_on, subtotal_minor, vat_minor,
                     total_minor, -1 as sign
              from old_rows
              union all
              select organisation_id, currency, status, issued_on, paid_on, due_on, subtotal_minor, vat_minor,
                     total_minor, 1
              from new_rows) changed
        group by 1, 2, 3, 4, 5, 6
        having sum(sign) <> 0 or sum(sign * subtotal_minor) <> 0 or sum(sign * vat_minor) <> 0
            or sum(sign * total_minor) <> 0;
    end if;
    return null;
end
$$;

create trigger invoice_list_tally_insert after insert on invoice
    referencing new table as new_rows for each statement execute function invoice_list_tally_change();
create trigger invoice_list_tally_update after update on invoice
    referencing old table as old_rows new table as new_rows
    for each statement execute function invoice_list_tally_change();
create trigger invoice_list_tally_delete after delete on invoice
    referencing old table as old_rows for each statement execute function invoice_list_tally_change();

-- What is there already, counted once (not pending: nothing to compact).
insert into invoice_list_tally (organisation_id, currency, status, issued_in, paid_in, due_on, invoices,
                                subtotal_minor, vat_minor, total_minor, pending)
select organisation_id, currency, status, date_trunc('month', issued_on)::date, date_trunc('month', paid_on)::date,
       case when status in ('ISSUED', 'SENT') then due_on end, count(*), sum(subtotal_minor), sum(vat_minor),
       sum(total_minor), false
from invoice
group by 1, 2, 3, 4, 5, 6;
