-- The organisation's language (decision 0172): what is sent to one of its people who chose no language of their own
-- (invoices, their e-mails and PDFs, reminders, invitations and password links sent by someone else) is written in
-- it. Every organisation so far wrote English to them, and keeps doing so until an owner chooses French; one whose
-- owners chose French for themselves, and none English, starts in French: its invitations, which followed the
-- inviting person's page until now, would otherwise turn English for a French-speaking team.
alter table organisation add column language varchar(5) default 'en' not null;
alter table organisation add constraint organisation_language_check check (language in ('en', 'fr'));
update organisation set language = 'fr'
where exists (select 1 from app_user u
              where u.organisation_id = organisation.id and u.role = 'OWNER' and u.language = 'fr')
  and not exists (select 1 from app_user u
                  where u.organisation_id = organisation.id and u.role = 'OWNER' and u.language = 'en');
