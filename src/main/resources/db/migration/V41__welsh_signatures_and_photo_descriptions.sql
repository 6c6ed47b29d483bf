-- The last of what residents read that was English only (issue 17).
--
-- An alert's signature in Welsh, frozen beside the English one when it goes, if the site offers
-- Welsh then: Welsh readers (the Welsh archive and feed, subscribers who chose Welsh) get it, and
-- the English, marked as English, where there is none (alerts sent before this, or with Welsh off).
alter table alert add column signature_cy text check (length(signature_cy) <= 1000);

-- What a team member's photo shows, in Welsh, for Welsh pages: optional, and only with a photo.
alter table team_member add column photo_alt_cy text
    check (length(photo_alt_cy) <= 200 and length(btrim(photo_alt_cy)) >= 1);
alter table team_member add constraint team_member_photo_alt_cy_with_photo
    check (photo_alt_cy is null or photo_id is not null);
