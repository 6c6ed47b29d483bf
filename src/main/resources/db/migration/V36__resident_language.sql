-- Issue 17: Welsh. A resident's records keep the language they were made in (en or cy), so that
-- every later email to them (the acknowledgement and replies to a message, the confirmation of a
-- consultation answer, an alert subscription's confirmation, welcome and alerts) is written in it,
-- with links to the pages in it. Records made before this are English. Subscribing again from a
-- Welsh page changes a subscriber's language.
alter table contact_message
    add column language varchar(2) not null default 'en' check (language in ('en', 'cy'));
alter table consultation_response
    add column language varchar(2) not null default 'en' check (language in ('en', 'cy'));
alter table alert_subscriber
    add column language varchar(2) not null default 'en' check (language in ('en', 'cy'));
