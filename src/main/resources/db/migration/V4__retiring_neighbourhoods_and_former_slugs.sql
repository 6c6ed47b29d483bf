-- Web editors retire local policing areas and neighbourhoods rather than delete them: their
-- teams, priorities, messages and postcodes stay, and the public site stops showing them.
alter table local_policing_area add column retired_on date;
alter table neighbourhood add column retired_on date;

-- Every web address a neighbourhood had before it was renamed, so that old links, leaflets
-- and bookmarks keep working (301 to the current address). A slug is here at most once; a
-- neighbourhood's current slug always wins over another's former one, and whoever takes a
-- former slug as their current one removes it from here.
create table neighbourhood_former_slug (
    slug              text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    neighbourhood_id  bigint not null references neighbourhood (id) on delete cascade,
    replaced_at       timestamptz not null
);
create index neighbourhood_former_slug_neighbourhood_idx on neighbourhood_former_slug (neighbourhood_id);
