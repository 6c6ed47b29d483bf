-- Each staff form that changes something (a reply, a note, a priority, an update, an event) carries
-- an idempotency key made when the form was shown. The first submission of a key, for one address and
-- one content, runs and records where it led; a repeat (a double click, a resend after a slow answer)
-- is sent to the same place and changes nothing. Rows are removed after a day (web.OnceOnly).
create table staff_form_submission (
    idempotency_key  text        not null check (idempotency_key ~ '^[0-9a-f]{32}$'),
    action           text        not null,
    content_digest   text        not null,
    staff_account_id bigint      not null,
    outcome          text,
    submitted_at     timestamptz not null,
    primary key (idempotency_key, action, content_digest)
);
create index staff_form_submission_submitted_at on staff_form_submission (submitted_at);
