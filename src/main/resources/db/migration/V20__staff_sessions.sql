-- Staff sessions, kept by Spring Session JDBC (spring.session.jdbc.table-name: staff_session) so that
-- every instance of the site knows every session: a deploy, a restart or a load balancer sending the
-- next request elsewhere signs no one out. Residents never have a session. The column names and types
-- are the ones Spring Session's JdbcIndexedSessionRepository reads and writes.
create table staff_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint staff_session_pk primary key (primary_id)
);

create unique index staff_session_session_id on staff_session (session_id);
-- The clean-up job deletes by expiry time.
create index staff_session_expiry_time on staff_session (expiry_time);
create index staff_session_principal_name on staff_session (principal_name);

create table staff_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint staff_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint staff_session_attributes_session foreign key (session_primary_id)
        references staff_session (primary_id) on delete cascade
);
