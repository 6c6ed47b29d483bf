-- Issue 15: the alerts neighbourhood teams write to their subscribers. An alert is written by a
-- member of staff (a draft), may wait for a second person's approval (force-wide alerts, when the
-- force asks for it), is scheduled (now or later) and then sent: its recipients are the confirmed
-- subscribers at the moment it goes, queued into the email outbox a batch at a time. Once it has
-- started to go it is published, and stays in the public archive of each of its neighbourhoods.
create table alert (
    id                     bigserial    primary key,
    title                  varchar(150) not null check (length(btrim(title)) > 0),
    body                   text         not null check (length(body) between 1 and 10000),
    topic                  text         not null check (topic in ('GENERAL', 'PRIORITIES', 'EVENTS', 'APPEALS')),
    reach                  text         not null check (reach in ('NEIGHBOURHOODS', 'AREA', 'FORCE')),
    -- the local policing area of an alert to a whole area
    local_policing_area_id bigint,
    author_id              bigint       not null,
    -- the signature as it goes out, frozen when the alert is sent
    signature              text         check (length(signature) <= 1000),
    status                 text         not null
        check (status in ('DRAFT', 'AWAITING_APPROVAL', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED')),
    send_at                timestamptz,
    approved_by_id         bigint,
    approved_at            timestamptz,
    -- when it started to go: the date the archive shows
    published_at           timestamptz,
    -- when the last recipient was queued
    queued_at              timestamptz,
    -- the id of the last alert_subscriber queued so far: sending goes on from here after a restart
    queued_up_to           bigint       not null default 0,
    recipients             integer      not null default 0,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0,
    constraint alert_area_reach check ((reach = 'AREA') = (local_policing_area_id is not null)),
    constraint alert_scheduled_has_time check (status not in ('SCHEDULED', 'SENDING', 'SENT') or send_at is not null),
    constraint alert_published_when_going check ((status in ('SENDING', 'SENT')) = (published_at is not null)),
    constraint alert_signed_when_going check (status not in ('SENDING', 'SENT') or signature is not null)
);
create index alert_due on alert (send_at) where status in ('SCHEDULED', 'SENDING');
create index alert_author on alert (author_id, updated_at desc);

-- The neighbourhoods an alert goes to. For an alert to an area or to the whole force the rows are
-- those of its neighbourhoods when it goes; before that, only chosen neighbourhoods have rows.
create table alert_neighbourhood (
    alert_id         bigint not null references alert (id) on delete cascade,
    neighbourhood_id bigint not null,
    primary key (alert_id, neighbourhood_id)
);
create index alert_neighbourhood_archive on alert_neighbourhood (neighbourhood_id, alert_id);
