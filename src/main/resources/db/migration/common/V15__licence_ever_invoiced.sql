-- Whether the licence has ever had an invoice, voided ones included. Voiding returns the licence to
-- Unbilled, but the invoice stays and names it, so the licence can no longer be deleted; the console
-- says so before anyone tries.
alter table licence add column ever_invoiced boolean default false not null;

update licence set ever_invoiced = true
where exists (select 1 from invoice where invoice.licence_id = licence.id);
