-- Issue 15: a resident's message sent with "Reply to this message" under an alert names that
-- alert, so the officer sees what it answers. The alert belongs to another feature, which is asked
-- whether it was published to the message's neighbourhood before the id is kept; no foreign key
-- crosses the features. The id is not personal data.
alter table contact_message add column in_reply_to_alert_id bigint;
