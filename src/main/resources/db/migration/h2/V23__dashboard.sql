-- The dashboard (decision 0050). H2 is the embedded demo's database: the dashboard reads its figures from the
-- licence and invoice tables directly there, so only the indexes that its screen figures and the invoice list's
-- new filters use are made here. PostgreSQL's V23 makes the same indexes and the tallies kept by triggers.

-- A staff member's screens (dashboard): those not removed, by organisation. The check-in time is left out on
-- purpose: the check-in flush writes it for every screen, and an index on it would cost every one of those writes.
create index screen_organisation_idx on screen (organisation_id, removed_at);

-- The invoice list filtered by the month invoices were issued or paid in, and overdue (unpaid, past due).
create index invoice_organisation_issued_idx on invoice (organisation_id, issued_on);
create index invoice_organisation_paid_idx on invoice (organisation_id, paid_on);
create index invoice_organisation_due_idx on invoice (organisation_id, status, due_on);
