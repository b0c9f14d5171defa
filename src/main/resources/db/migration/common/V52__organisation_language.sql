-- The organisation's language (decision 0172): what is sent to one of its people who chose no language of their own
-- (invoices, their e-mails and PDFs, reminders, invitations and password links sent by someone else) is written in
-- it. Every organisation so far wrote English to them, and keeps doing so until an owner chooses French.
alter table organisation add column language varchar(5) default 'en' not null;
alter table organisation add constraint organisation_language_check check (language in ('en', 'fr'));
