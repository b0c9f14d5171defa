-- Whether an invoice charged no VAT because its buyer is a business established outside the EU, the seller being
-- VAT-registered in it (decision 0175: outside the scope of EU VAT, article 44 of Council Directive 2006/112/EC). As
-- reverse_charge (V25), it is recorded when the invoice is issued; invoices issued before charged the seller's rate.
-- A constant default: no table rewrite on PostgreSQL.
alter table invoice add column outside_eu_vat boolean default false not null;
