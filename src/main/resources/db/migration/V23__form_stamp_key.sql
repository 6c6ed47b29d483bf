-- The key that signs the time a resident's form was shown (web.FormStamps), so that a program
-- cannot send an old time to pass the minimum fill time. Made once, by the first instance that needs
-- it, and shared by every instance through the database; YOURAREA_FORMS_STAMP_SECRET replaces it.
create table form_stamp_key (
    id         smallint    primary key check (id = 1),
    secret     bytea       not null check (octet_length(secret) >= 32),
    created_at timestamptz not null default now()
);
