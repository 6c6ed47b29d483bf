-- Welsh versions of what staff write about neighbourhoods, stations and hubs and team
-- members, beside the English: a Welsh page shows the Welsh where there is one and the
-- English (marked as English) where there is none. Role titles are the site's wording, not
-- data, so they are not here. Postcodes keep no place names, so there are none to translate.
alter table local_policing_area add column name_cy text check (length(name_cy) between 1 and 100);

alter table neighbourhood add column name_cy text check (length(name_cy) between 1 and 150);
alter table neighbourhood add column description_cy text check (length(description_cy) <= 2000);

alter table station add column name_cy text check (length(name_cy) between 1 and 150);
alter table station add column address_cy text check (length(address_cy) between 1 and 300);

alter table team_member add column bio_cy text check (length(bio_cy) <= 1000);
