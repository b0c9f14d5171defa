-- What a client needs to pay an invoice (issue 13, decision 0052): the seller's VAT number and company registration,
-- bank details or free payment instructions, and an optional payment link. Set under Settings → Payment.
alter table organisation add column seller_vat_number varchar(20);
alter table organisation add column company_registration varchar(100);
alter table organisation add column iban varchar(34);
alter table organisation add column bic varchar(11);
alter table organisation add column payment_instructions varchar(1000);
alter table organisation add column payment_link varchar(500);

-- An invoice keeps them as they were when it was issued, and whether VAT was reverse-charged.
alter table invoice add column seller_vat_number varchar(20);
alter table invoice add column seller_registration varchar(100);
alter table invoice add column payment_iban varchar(34);
alter table invoice add column payment_bic varchar(11);
alter table invoice add column payment_instructions varchar(1000);
alter table invoice add column payment_link varchar(500);
alter table invoice add column reverse_charge boolean default false not null;
