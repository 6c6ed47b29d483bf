-- V46 hashed the session ids of staff_session in place. But an instance of the release before it,
-- still running during a rolling deploy (or running again after a rollback), looks sessions up in
-- that table by the cookie's value as it stands, so a hash read from the table could be sent to it
-- as a cookie and open the session. So sessions with hashed ids live in tables of their own, which
-- no earlier release reads (spring.session.jdbc.table-name: staff_session_hashed), and staff_session
-- holds only what earlier releases write there themselves, in clear as they always did.
--
-- The sessions open when this runs end: staff sign in again, once. V46's rows go, and staff_session's
-- column gets back its type, so the statements earlier releases have prepared keep their result type.
delete from staff_session;

alter table staff_session alter column session_id type char(36);

comment on table staff_session is
    'Staff sessions of releases before V46 only, during a rolling deploy or after a rollback; ids in clear. A later release drops it.';

create table staff_session_hashed (
    primary_id            char(36)     not null,
    -- The SHA-256 (hex) of the session id: the table alone opens no session.
    session_id            varchar(64)  not null check (session_id ~ '^[0-9a-f]{64}$'),
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint staff_session_hashed_pk primary key (primary_id)
);

create unique index staff_session_hashed_session_id on staff_session_hashed (session_id);
create index staff_session_hashed_expiry_time on staff_session_hashed (expiry_time);
create index staff_session_hashed_principal_name on staff_session_hashed (principal_name);

create table staff_session_hashed_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint staff_session_hashed_attributes_pk primary key (session_primary_id, attribute_name),
    constraint staff_session_hashed_attributes_session foreign key (session_primary_id)
        references staff_session_hashed (primary_id) on delete cascade
);
