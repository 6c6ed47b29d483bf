-- Issue 15: a personal "manage your alerts" link is no longer a row per email. Each person gets
-- a random link_id, and the link is that id with an HMAC-SHA256 of it, signed with the key below
-- (or with YOURAREA_ALERTS_LINKS_SECRET, which replaces it). Every email to one person carries the
-- same link, a send writes nothing but the outbox rows, and the link dies with the person's row.
-- alert_manage_link keeps the links already sent, which still work; nothing is added to it now.
alter table alert_subscriber add column link_id uuid not null default gen_random_uuid();
alter table alert_subscriber add constraint alert_subscriber_link_id unique (link_id);
comment on column alert_subscriber.link_id is 'Random; in the personal link with its signature, never alone';

create table alert_link_key (
    id         smallint    primary key check (id = 1),
    secret     bytea       not null check (octet_length(secret) >= 32),
    created_at timestamptz not null default now()
);
