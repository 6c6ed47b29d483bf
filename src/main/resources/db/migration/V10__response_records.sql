-- Each team's response record over the 90 days to a moment: messages received (held ones left out),
-- answered with a full reply within 72 hours of arriving, and still inside their 72 hours; and the
-- median time to the first full reply. One definition, used by the Guarantee view (any moment) and by
-- the Your Area page (now, in the same statement as the neighbourhood).
create function response_records(as_of timestamptz)
returns table (neighbourhood_id bigint, received bigint, on_time bigint, waiting bigint,
               median_seconds double precision)
language sql stable as $$
    select m.neighbourhood_id,
           count(*),
           count(*) filter (where m.first_answered_at <= m.received_at + interval '72 hours'),
           count(*) filter (where m.first_answered_at is null and m.received_at + interval '72 hours' > as_of),
           percentile_cont(0.5) within group (order by extract(epoch from m.first_answered_at - m.received_at))
               filter (where m.first_answered_at is not null)
    from contact_message m
    where m.status <> 'HELD_FOR_REVIEW' and m.received_at > as_of - interval '90 days' and m.received_at <= as_of
    group by m.neighbourhood_id
$$;

-- The same over every team together (a median cannot be added up from the teams' medians).
create function response_record_force(as_of timestamptz)
returns table (received bigint, on_time bigint, waiting bigint, median_seconds double precision)
language sql stable as $$
    select count(*),
           count(*) filter (where m.first_answered_at <= m.received_at + interval '72 hours'),
           count(*) filter (where m.first_answered_at is null and m.received_at + interval '72 hours' > as_of),
           percentile_cont(0.5) within group (order by extract(epoch from m.first_answered_at - m.received_at))
               filter (where m.first_answered_at is not null)
    from contact_message m
    where m.status <> 'HELD_FOR_REVIEW' and m.received_at > as_of - interval '90 days' and m.received_at <= as_of
$$;
