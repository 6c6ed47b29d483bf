-- A boundary worked out from a neighbourhood's own postcodes (the demo's, where no real one
-- was published) rather than drawn or published: shown as approximate, and never used to
-- decide which neighbourhood a postcode belongs to. A real boundary replaces it.
alter table neighbourhood_boundary add column derived boolean not null default false;
