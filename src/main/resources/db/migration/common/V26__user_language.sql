-- The language a person reads LicenceDesk in (decision 0053): 'en' (British English) or 'fr'. Null: not chosen, the
-- browser's Accept-Language decides for pages, and English is used for what is sent to them (e-mails, invoices).
alter table app_user add column language varchar(5);
alter table app_user add constraint app_user_language_check check (language in ('en', 'fr'));
