-- The names of electoral wards by their ONS code, so that the Your Area page can say in words which
-- wards a neighbourhood's postcodes are in. Filled from Code-Point Open's admin_ward_name at a postcode
-- import, and from ONS's ward names and codes lookup uploaded on the coverage pages (the only source of
-- Welsh names). Kept without a trailing " Ward", as ONS writes them. A ward with no row here is not
-- named on any page.
create table ward_name (
    ward_code  text primary key check (ward_code ~ '^[A-Z][0-9]{8}$'),
    name       text not null check (length(name) between 1 and 200),
    name_cy    text check (length(name_cy) between 1 and 200)
);
