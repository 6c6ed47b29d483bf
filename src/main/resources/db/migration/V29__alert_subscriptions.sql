-- Issue 15: residents' subscriptions to their neighbourhood teams' alerts. Only what the
-- privacy notice promises is kept: the email address, the neighbourhoods, the choices and
-- when each was confirmed. Tokens are stored as SHA-256 hashes, never as sent.
create table alert_subscriber (
    id         bigserial primary key,
    email      varchar(254) not null unique,
    created_at timestamptz  not null
);
comment on column alert_subscriber.email is 'Lower case; deleted with the row when the person stops everything';

-- The personal "manage your alerts" links. Each email that gives one out adds a row; all of
-- them work until the person stops everything, when the cascade deletes them.
create table alert_manage_link (
    token_hash          bytea       primary key,
    alert_subscriber_id bigint      not null references alert_subscriber (id) on delete cascade,
    created_at          timestamptz not null
);
create index alert_manage_link_subscriber on alert_manage_link (alert_subscriber_id);

-- One row per person and neighbourhood. categories is what they get once confirmed;
-- requested_categories, with the hash of the emailed link, waits for the confirmation.
create table alert_subscription (
    id                      bigserial primary key,
    alert_subscriber_id     bigint      not null references alert_subscriber (id) on delete cascade,
    neighbourhood_id        bigint      not null,
    categories              text[]      not null default '{}',
    requested_categories    text[],
    confirmation_token_hash bytea unique,
    requested_at            timestamptz not null,
    confirmed_at            timestamptz,
    unique (alert_subscriber_id, neighbourhood_id)
);
create index alert_subscription_unconfirmed on alert_subscription (requested_at) where confirmed_at is null;
