-- The relay's claim on an email moves out of next_attempt_at into columns of its own, so that taking
-- an email (and extending the claim while the relay works) never changes when it is due, and an email
-- handed back after an SMTP outage is due exactly as before. lease_token names the claim: only the
-- relay holding it extends it, and it is cleared when the outcome is recorded or the email handed back.
alter table outbox_email add column leased_until timestamptz;
alter table outbox_email add column lease_token uuid;
-- When the last attempt was made, so that emails pushed back by failures while the SMTP server was
-- going down can be brought forward when it comes back.
alter table outbox_email add column last_attempt_at timestamptz;
alter table outbox_email add constraint outbox_email_lease_complete
    check ((leased_until is null) = (lease_token is null));
create index outbox_email_lease_idx on outbox_email (lease_token) where lease_token is not null;
