-- Neighbourhood alerts (issue 15) go through the outbox: up to 100,000 emails at a time, which must never
-- hold back the emails a resident is waiting for.
--
-- priority: RESIDENT (acknowledgements, replies, confirmation links) is always taken before BULK (alerts)
-- that is due at the same time or earlier. reference: what the sending feature calls the send (alert-17),
-- to count its emails by. The two List-Unsubscribe headers (RFC 2369, RFC 8058) hold a personal link, so
-- they are forgotten with the address, subject and body once the email is sent or finally fails.
alter table outbox_email add column priority text not null default 'RESIDENT'
    check (priority in ('RESIDENT', 'BULK'));
alter table outbox_email add column reference text check (reference ~ '^[a-z][a-z0-9-]{0,59}$');
alter table outbox_email add column list_unsubscribe text check (length(list_unsubscribe) between 1 and 1000);
alter table outbox_email add column list_unsubscribe_post text
    check (length(list_unsubscribe_post) between 1 and 1000);

alter table outbox_email drop constraint outbox_email_nothing_kept_when_done;
alter table outbox_email add constraint outbox_email_nothing_kept_when_done check (
    status = 'PENDING' or (to_address is null and subject is null and body is null and list_unsubscribe is null
        and list_unsubscribe_post is null));
-- Unchanged (the headers are optional), dropped and added again so that both rules read side by side.
alter table outbox_email drop constraint outbox_email_whole_while_pending;
alter table outbox_email add constraint outbox_email_whole_while_pending check (
    status <> 'PENDING' or (to_address is not null and subject is not null and body is not null));

-- The relay's order: RESIDENT before BULK, then by when due. Only waiting emails are in it, so it stays
-- as small as the queue however many emails have gone.
create index outbox_email_due_idx on outbox_email ((priority <> 'RESIDENT'), next_attempt_at, id)
    where status = 'PENDING';
create index outbox_email_reference_idx on outbox_email (reference, status) where reference is not null;
-- The index above serves everything this one did, and one index less is quicker to queue 100,000 into.
drop index outbox_email_pending_idx;
