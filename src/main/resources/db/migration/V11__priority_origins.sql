-- Where a priority came from, for its public "You said, we did" timeline: a Have your say
-- consultation (linked), a public meeting, messages to the team, or something else, with a few words
-- of detail. Priorities added before this was asked have none.
alter table priority add column origin text check (origin in ('CONSULTATION', 'PUBLIC_MEETING', 'MESSAGES', 'OTHER'));
alter table priority add column origin_consultation_id bigint references consultation (id) on delete set null;
alter table priority add column origin_detail text check (length(origin_detail) <= 300);
alter table priority add constraint priority_consultation_only_for_that_origin
    check (origin_consultation_id is null or origin = 'CONSULTATION');
create index priority_origin_consultation_idx on priority (origin_consultation_id);
