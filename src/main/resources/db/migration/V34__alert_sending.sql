-- Issue 15, sending alerts. Recipients are found from the neighbourhoods an alert goes to, so
-- confirmed subscriptions are indexed by neighbourhood. A subscriber whose address the mail server
-- refuses for good (5xx) several times is deleted (AlertDeliveryFailures): the count is all that is
-- kept about it.
create index alert_subscription_confirmed_by_neighbourhood
    on alert_subscription (neighbourhood_id, alert_subscriber_id) where confirmed_at is not null;
alter table alert_subscriber add column failed_deliveries integer not null default 0
    check (failed_deliveries >= 0);
comment on column alert_subscriber.failed_deliveries is
    'Alert emails to this address the mail server refused for good; at yourarea.alerts.suppress-after-failures the subscriber is deleted';
