-- Issue 15, the staff side of alerts.

-- The collar number an alert's signature shows (officers and PCSOs have one; other staff may not).
alter table staff_account add column collar_number varchar(10)
    check (collar_number ~ '^[A-Za-z0-9]{1,10}$');

-- Why a force-wide alert waiting for approval went back to its author, shown to them until they send
-- it again.
alter table alert add column returned_reason text check (length(returned_reason) <= 1000);

-- Every time a web editor or administrator was shown the email addresses of one neighbourhood's
-- subscribers: who, when, which neighbourhood and how many addresses. Kept like the other audit
-- records; it holds no address.
create table alert_subscriber_list_view (
    id                bigserial   primary key,
    staff_account_id  bigint      references staff_account (id) on delete set null,
    staff_name        text        not null,
    neighbourhood_id  bigint      not null,
    addresses_shown   integer     not null check (addresses_shown >= 0),
    viewed_at         timestamptz not null
);
create index alert_subscriber_list_view_recent on alert_subscriber_list_view (viewed_at desc);
