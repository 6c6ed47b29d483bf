-- Staff session ids are kept only as their SHA-256 (hex) from now on (security.StaffSessionIdsHashed),
-- so that reading this table, a replica or a backup gives no session to take over. Sessions open now
-- are hashed in place and carry on.
alter table staff_session alter column session_id type varchar(64);

update staff_session set session_id = encode(sha256(convert_to(session_id, 'UTF8')), 'hex');
-- No check on the form: during a rolling deploy the instances not yet replaced still write ids in
-- clear, and must not fail to sign anyone in. Those rows are found by the old instances only, and
-- expire with their sessions.
