-- Words the code writes into a row for people to read later are kept as keys of the message bundles (issue 17):
-- the key goes in the column the English was in, and its arguments in a text[] column beside it, named after it
-- with _args. Arguments of null mean the text is shown as it is: data, and old rows that the mappings below do not
-- recognise. Each mapping gives the key first, then its arguments, or null when it does not know the text.

alter table change_record add column action_args text[], add column subject_name_args text[];
alter table change_record_field add column field_args text[], add column before_args text[],
    add column after_args text[];
alter table coverage_import add column phase_args text[], add column error_args text[];
alter table coverage_import_rejection add column reason_args text[];
alter table neighbourhood_boundary add column source_args text[];
alter table contact_message add column held_reason_args text[];

-- Change records: what was done.
create function v40_action(english text) returns text[] language sql immutable as $$
    select case
        when english = 'Added' then array['change.action.added']
        when english = 'Added a change to the hours' then array['change.action.added-hours-change']
        when english = 'Added to the team' then array['change.action.added-to-team']
        when english = 'Added an update' then array['change.action.added-update']
        when english = 'Approved a concern' then array['change.action.approved-concern']
        when english = 'Approved a concern after editing it' then array['change.action.approved-concern-edited']
        when english = 'Cancelled' then array['change.action.cancelled']
        when english = 'Changed' then array['change.action.changed']
        when english = 'Changed details' then array['change.action.changed-details']
        when english = 'Changed opening hours' then array['change.action.changed-opening-hours']
        when english = 'Changed the wording' then array['change.action.changed-wording']
        when english = 'Closed' then array['change.action.closed']
        when english = 'Closed early' then array['change.action.closed-early']
        when english = 'Created' then array['change.action.created']
        when english = 'Details confirmed' then array['change.action.details-confirmed']
        when english = 'Edited' then array['change.action.edited']
        when english = 'Made the named officer' then array['change.action.made-named-officer']
        when english = 'Moved down the team list' then array['change.action.moved-down']
        when english = 'Moved up the team list' then array['change.action.moved-up']
        when english = 'No longer the named officer' then array['change.action.no-longer-named-officer']
        when english = 'Old web address given to another neighbourhood'
            then array['change.action.old-address-given-away']
        when english = 'Opened a consultation' then array['change.action.opened-consultation']
        when english = 'Photo added' then array['change.action.photo-added']
        when english = 'Photo description changed' then array['change.action.photo-description-changed']
        when english = 'Photo removed' then array['change.action.photo-removed']
        when english = 'Photo replaced' then array['change.action.photo-replaced']
        when english = 'Postcode given by hand' then array['change.action.postcode-given']
        when english = 'Postcode given by hand elsewhere' then array['change.action.postcode-given-elsewhere']
        when english = 'Postcode no longer given by hand' then array['change.action.postcode-no-longer-given']
        when english = 'Rejected a concern' then array['change.action.rejected-concern']
        when english = 'Removed' then array['change.action.removed']
        when english = 'Removed a change to the hours' then array['change.action.removed-hours-change']
        when english = 'Removed from the team' then array['change.action.removed-from-team']
        when english = 'Retired' then array['change.action.retired']
        when english = 'Ward codes changed' then array['change.action.ward-codes-changed']
        when english like 'Moved to %'
            then array['change.action.moved-to', substr(english, length('Moved to ') + 1)]
        when english like 'Moved from %'
            then array['change.action.moved-from', substr(english, length('Moved from ') + 1)]
        when english like 'Postcode file applied: %'
            then array['change.action.postcode-file-applied', substr(english, length('Postcode file applied: ') + 1)]
        when english like 'Boundaries applied: %'
            then array['change.action.boundaries-applied', substr(english, length('Boundaries applied: ') + 1)]
    end
$$;

-- Change records: the names the code gave what changed (every other name is the thing's own).
create function v40_subject_name(subject_type text, english text) returns text[] language sql immutable as $$
    select case
        when subject_type = 'coverage' and english = 'Postcode coverage of the force'
            then array['change.subject.force-coverage']
        when subject_type = 'coverage' and english like 'Coverage of %'
            then array['change.subject.coverage-of', substr(english, length('Coverage of ') + 1)]
        when subject_type = 'consultation' and english like 'Have your say from %'
            then array['change.subject.consultation-from', substr(english, length('Have your say from ') + 1)]
    end
$$;

-- Change records: the labels of the fields.
create function v40_field(english text) returns text[] language sql immutable as $$
    select case
        when english = 'About them' then array['change.field.about']
        when english = 'About them in Welsh' then array['change.field.about-welsh']
        when english = 'About where it came from' then array['change.field.origin-detail']
        when english = 'Address' then array['change.field.address']
        when english = 'Address in Welsh' then array['change.field.address-welsh']
        when english = 'Boundary' then array['change.field.boundary']
        when english = 'Closed on' then array['change.field.closed-on']
        when english = 'Closes' then array['change.field.closes']
        when english = 'Code' then array['change.field.code']
        when english = 'Collar number' then array['change.field.collar-number']
        when english = 'Commander''s name' then array['change.field.commander-name']
        when english = 'Commander''s rank' then array['change.field.commander-rank']
        when english = 'Consultation' then array['change.field.consultation']
        when english = 'Date' then array['change.field.date']
        when english = 'Description' then array['change.field.description']
        when english = 'Description in Welsh' then array['change.field.description-welsh']
        when english = 'Email address' then array['change.field.email']
        when english = 'End time' then array['change.field.end-time']
        when english = 'Facebook' then array['change.field.facebook']
        when english = 'Front counter open to the public' then array['change.field.front-counter']
        when english = 'Instagram' then array['change.field.instagram']
        when english = 'Issue' then array['change.field.issue']
        when english = 'Issue in Welsh' then array['change.field.issue-welsh']
        when english = 'Issues' then array['change.field.issues']
        when english = 'Kind' then array['change.field.kind']
        when english = 'Last updated on' then array['change.field.last-updated-on']
        when english = 'Live postcodes in the force area' then array['change.field.live-postcodes']
        when english = 'Local policing area' then array['change.field.local-policing-area']
        when english = 'Name' then array['change.field.name']
        when english = 'Name in Welsh' then array['change.field.name-welsh']
        when english = 'Named officer' then array['change.field.named-officer']
        when english = 'Neighbourhood' then array['change.field.neighbourhood']
        when english = 'Neighbourhoods served' then array['change.field.neighbourhoods-served']
        when english = 'Old web addresses' then array['change.field.old-web-addresses']
        when english = 'Opens' then array['change.field.opens']
        when english = 'Outcome' then array['change.field.outcome']
        when english = 'Outcome in Welsh' then array['change.field.outcome-welsh']
        when english = 'Photo' then array['change.field.photo']
        when english = 'Photo description' then array['change.field.photo-description']
        when english = 'Position in the team list' then array['change.field.position']
        when english = 'Postcode' then array['change.field.postcode']
        when english = 'Postcodes' then array['change.field.postcodes']
        when english = 'Postcodes in a neighbourhood' then array['change.field.postcodes-in-neighbourhood']
        when english = 'Postcodes outside every neighbourhood' then array['change.field.postcodes-outside']
        when english = 'Postcodes that changed neighbourhood' then array['change.field.postcodes-changed']
        when english = 'Postcodes that came in' then array['change.field.postcodes-came-in']
        when english = 'Postcodes that went out' then array['change.field.postcodes-went-out']
        when english = 'Question' then array['change.field.question']
        when english = 'Raised on' then array['change.field.raised-on']
        when english = 'Reason for cancelling' then array['change.field.cancel-reason']
        when english = 'Retired on' then array['change.field.retired-on']
        when english = 'Role' then array['change.field.role']
        when english = 'Start time' then array['change.field.start-time']
        when english = 'Status' then array['change.field.status']
        when english = 'Telephone' then array['change.field.telephone']
        when english = 'Title' then array['change.field.title']
        when english = 'Title in Welsh' then array['change.field.title-welsh']
        when english = 'Type' then array['change.field.type']
        when english = 'Update' then array['change.field.update']
        when english = 'Update in Welsh' then array['change.field.update-welsh']
        when english = 'Upload' then array['change.field.upload']
        when english = 'Ward codes' then array['change.field.ward-codes']
        when english = 'Web address' then array['change.field.web-address']
        when english = 'What we are doing' then array['change.field.what-we-are-doing']
        when english = 'What we are doing in Welsh' then array['change.field.what-we-are-doing-welsh']
        when english = 'Where it came from' then array['change.field.origin']
        when english = 'X' then array['change.field.x']
        when english = 'Monday' then array['change.field.monday']
        when english = 'Tuesday' then array['change.field.tuesday']
        when english = 'Wednesday' then array['change.field.wednesday']
        when english = 'Thursday' then array['change.field.thursday']
        when english = 'Friday' then array['change.field.friday']
        when english = 'Saturday' then array['change.field.saturday']
        when english = 'Sunday' then array['change.field.sunday']
        when english ~ '^Concern [0-9]+$'
            then array['change.field.concern', substr(english, length('Concern ') + 1)]
        when english ~ '^Postcode [A-Z0-9]{2,4} [0-9][A-Z]{2}$'
            then array['change.field.postcode-of', substr(english, length('Postcode ') + 1)]
        when english like 'Hours on %'
            then array['change.field.hours-on', substr(english, length('Hours on ') + 1)]
    end
$$;

-- Where a boundary came from, in neighbourhood_boundary and in the change records' Boundary field.
create function v40_boundary_source(english text) returns text[] language sql immutable as $$
    select case
        when english = 'Approximate: derived from the neighbourhood''s postcodes'
            then array['coverage.boundary.source.derived']
        when english ~ '^Uploaded as .+ on [0-9]{1,2} [A-Za-z]+ [0-9]{4}$'
            then array['coverage.boundary.source.uploaded']
                || regexp_match(english, '^Uploaded as (.+) on ([0-9]{1,2} [A-Za-z]+ [0-9]{4})$')
        when english like 'Imported from %'
            then array['coverage.boundary.source.imported', substr(english, length('Imported from ') + 1)]
    end
$$;

-- Change records: the values the code worded, by the (new) key of their field.
create function v40_value(field text, english text) returns text[] language sql immutable as $$
    select case
        when field = 'change.field.status' and english = 'Open' then array['change.value.open']
        when field = 'change.field.status' and english = 'Closed' then array['change.value.closed']
        when field = 'change.field.status' and english = 'Cancelled' then array['change.value.cancelled']
        when field = 'change.field.status' and english = 'Going ahead' then array['change.value.going-ahead']
        when field in ('change.field.front-counter', 'change.field.named-officer') and english = 'Yes'
            then array['change.value.yes']
        when field in ('change.field.front-counter', 'change.field.named-officer') and english = 'No'
            then array['change.value.no']
        when field = 'change.field.named-officer' and english like 'Yes, details confirmed on %'
            then array['change.value.named-officer-confirmed',
                       substr(english, length('Yes, details confirmed on ') + 1)]
        when field = 'change.field.photo' and english ~ '^Photo [0-9a-f]{1,8}$'
            then array['change.value.photo', substr(english, length('Photo ') + 1)]
        when field = 'change.field.role' and english = 'Police Constable' then array['change.value.role.pc']
        when field = 'change.field.role' and english = 'Police Community Support Officer'
            then array['change.value.role.pcso']
        when field = 'change.field.role' and english = 'Sergeant' then array['change.value.role.sergeant']
        when field = 'change.field.role' and english = 'Inspector' then array['change.value.role.inspector']
        when field = 'change.field.role' and english = 'Team member' then array['change.value.role.other']
        when field = 'change.field.origin' and english = 'Our Have your say consultation'
            then array['change.value.origin.consultation']
        when field = 'change.field.origin' and english = 'A public meeting'
            then array['change.value.origin.public-meeting']
        when field = 'change.field.origin' and english = 'Messages to the team'
            then array['change.value.origin.messages']
        when field = 'change.field.origin' and english = 'Something else' then array['change.value.origin.other']
        when field = 'change.field.type' and english = 'Beat surgery' then array['event.calendar.type.beat-surgery']
        when field = 'change.field.type' and english = 'Public meeting'
            then array['event.calendar.type.public-meeting']
        when field = 'change.field.type' and english = 'Patch walk' then array['event.calendar.type.patch-walk']
        when field = 'change.field.type' and english = 'Event' then array['event.calendar.type.other']
        when field = 'change.field.kind' and english = 'Police station' then array['station.kind-label.station']
        when field = 'change.field.kind' and english = 'Community hub' then array['station.kind-label.hub']
        when field = 'change.field.end-time' and english ~ '^\S+ on .+$'
            then array['change.value.time-on-day'] || regexp_match(english, '^(\S+) on (.+)$')
        when field in ('change.field.monday', 'change.field.tuesday', 'change.field.wednesday',
                       'change.field.thursday', 'change.field.friday', 'change.field.saturday',
                       'change.field.sunday') and english = 'Closed'
            then array['station.hours.closed']
        when field in ('change.field.monday', 'change.field.tuesday', 'change.field.wednesday',
                       'change.field.thursday', 'change.field.friday', 'change.field.saturday',
                       'change.field.sunday') and english ~ '^\S+ to \S+$'
            then array['station.hours.period'] || regexp_match(english, '^(\S+) to (\S+)$')
        when field in ('change.field.monday', 'change.field.tuesday', 'change.field.wednesday',
                       'change.field.thursday', 'change.field.friday', 'change.field.saturday',
                       'change.field.sunday') and english ~ '^\S+ to \S+ and \S+ to \S+$'
            then array['change.value.hours-twice'] || regexp_match(english, '^(\S+) to (\S+) and (\S+) to (\S+)$')
        when field = 'change.field.concern' and english = 'Waiting for a decision'
            then array['change.value.waiting-for-decision']
        when field = 'change.field.concern' and english = 'Not shown' then array['change.value.not-shown']
        when field = 'change.field.concern' and english like 'Shown as: %'
            then array['change.value.shown-as', substr(english, length('Shown as: ') + 1)]
        when field = 'change.field.postcode-of' and english = 'No neighbourhood'
            then array['change.value.no-neighbourhood']
        when field = 'change.field.postcode-of' and english like '% (given by hand)'
            then array['change.value.given-by-hand',
                       substr(english, 1, length(english) - length(' (given by hand)'))]
        when field = 'change.field.boundary' and english = 'None' then array['change.value.no-boundary']
        when field = 'change.field.boundary' then v40_boundary_source(english)
    end
$$;

update change_record r set action = m.words[1], action_args = m.words[2:]
from (select id, v40_action(action) as words from change_record) m
where m.id = r.id and m.words is not null;

update change_record r set subject_name = m.words[1], subject_name_args = m.words[2:]
from (select id, v40_subject_name(subject_type, subject_name) as words from change_record) m
where m.id = r.id and m.words is not null;

update change_record_field f set field = m.words[1], field_args = m.words[2:]
from (select change_record_id, position, v40_field(field) as words from change_record_field) m
where m.change_record_id = f.change_record_id and m.position = f.position and m.words is not null;

-- The fields' own keys decide which values are the code's words (Yes in "Front counter", not in a title).
update change_record_field f set before_value = m.words[1], before_args = m.words[2:]
from (select change_record_id, position, v40_value(field, before_value) as words from change_record_field
      where field_args is not null) m
where m.change_record_id = f.change_record_id and m.position = f.position and m.words is not null;

update change_record_field f set after_value = m.words[1], after_args = m.words[2:]
from (select change_record_id, position, v40_value(field, after_value) as words from change_record_field
      where field_args is not null) m
where m.change_record_id = f.change_record_id and m.position = f.position and m.words is not null;

update neighbourhood_boundary b set source = m.words[1], source_args = m.words[2:]
from (select neighbourhood_id, v40_boundary_source(source) as words from neighbourhood_boundary) m
where m.neighbourhood_id = b.neighbourhood_id and m.words is not null;

-- Coverage uploads: what a job was doing, why it stopped, and why a line could not be used.
create function v40_coverage_phase(english text) returns text[] language sql immutable as $$
    select case
        when english = 'Waiting to start' then array['coverage.phase.waiting-to-start']
        when english = 'Working out which neighbourhood each postcode belongs to'
            then array['coverage.phase.assigning']
        when english = 'Saving the preview' then array['coverage.phase.saving-preview']
        when english = 'Waiting for other changes to coverage to finish'
            then array['coverage.phase.waiting-for-other-changes']
        when english = 'Recording the change' then array['coverage.phase.recording']
        when english like 'Reading %' then array['coverage.phase.reading', substr(english, length('Reading ') + 1)]
    end
$$;

create function v40_coverage_error(english text) returns text[] language sql immutable as $$
    select case
        when english = 'The application stopped while this upload was being applied. Nothing of it was applied.'
            then array['coverage.job.interrupted.applying']
        when english = 'The application stopped while this preview was being made.'
            then array['coverage.job.interrupted.previewing']
        when english = 'The postcode coverage has changed since this preview was made (another upload, or a change '
                       'to wards or postcodes given by hand). Nothing was changed: preview the upload again to see '
                       'what it would do now.'
            then array['coverage.job.changed-since-preview']
        when english = 'This file has 1 line that cannot be used. Nothing was changed.'
            then array['coverage.job.rejected-line-now']
        when english ~ '^This file has [0-9,]+ lines that cannot be used\. Nothing was changed\.$'
            then array['coverage.job.rejected-lines-now']
                || regexp_match(english, '^This file has ([0-9,]+) lines')
        when english like 'The preview could not be made: %'
            then array['coverage.job.preview-failed', substr(english, length('The preview could not be made: ') + 1)]
        when english like 'Nothing was changed: applying it failed. %'
            then array['coverage.job.apply-failed',
                       substr(english, length('Nothing was changed: applying it failed. ') + 1)]
    end
$$;

create function v40_rejection(english text) returns text[] language sql immutable as $$
    select case
        when english ~ '^Expected [0-9]+ fields but found [0-9]+$'
            then array['coverage.rejected.fields']
                || regexp_match(english, '^Expected ([0-9]+) fields but found ([0-9]+)$')
        when english ~ '^".*" is not a valid postcode$'
            then array['coverage.rejected.postcode'] || regexp_match(english, '^"(.*)" is not a valid postcode$')
        when english = 'Latitude and longitude must both be given or both be empty'
            then array['coverage.rejected.half-located']
        when english ~ '^The grid reference .*, .* is outside Great Britain$'
            then array['coverage.rejected.outside-great-britain']
                || regexp_match(english, '^The grid reference (.*), (.*) is outside Great Britain$')
        when english ~ '^The (latitude|longitude|easting|northing) ".*" is out of range$'
            then array['coverage.rejected.' || (regexp_match(english, '^The (\w+)'))[1] || '.out-of-range']
                || regexp_match(english, '^The \w+ "(.*)" is out of range$')
        when english ~ '^The (latitude|longitude|easting|northing) ".*" is not a number$'
            then array['coverage.rejected.' || (regexp_match(english, '^The (\w+)'))[1] || '.not-a-number']
                || regexp_match(english, '^The \w+ "(.*)" is not a number$')
        when english ~ '^The termination date ".*" is not a year and month like 199606$'
            then array['coverage.rejected.termination-date']
                || regexp_match(english, '^The termination date "(.*)" is not a year and month like 199606$')
    end
$$;

update coverage_import i set phase = m.words[1], phase_args = m.words[2:]
from (select id, v40_coverage_phase(phase) as words from coverage_import where phase is not null) m
where m.id = i.id and m.words is not null;

update coverage_import i set error = m.words[1], error_args = m.words[2:]
from (select id, v40_coverage_error(error) as words from coverage_import where error is not null) m
where m.id = i.id and m.words is not null;

-- The formats read, by name: the page says them in the words of the bundle.
update coverage_import
set format = replace(replace(format, 'OS Code-Point Open', 'CODE_POINT_OPEN'), 'ONS Postcode Directory',
                     'ONS_POSTCODE_DIRECTORY')
where format is not null;

update coverage_import_rejection r set reason = m.words[1], reason_args = m.words[2:]
from (select coverage_import_id, position, v40_rejection(reason) as words from coverage_import_rejection) m
where m.coverage_import_id = r.coverage_import_id and m.position = r.position and m.words is not null;

-- No neighbourhood is no name: the page says so.
update coverage_import_move set from_name = null where from_neighbourhood_id is null and from_name = 'No neighbourhood';
update coverage_import_move set to_name = null where to_neighbourhood_id is null and to_name = 'No neighbourhood';

-- Messages to the team: why one was held, and the steps the site wrote a sentence for. An assignment keeps only
-- the name; an escalation and an email that could not be delivered need no words of their own.
update contact_message set held_reason = 'contact.held.hidden-field', held_reason_args = '{}'
where held_reason = 'The hidden field that only automated programs fill in was filled in';
update contact_message set held_reason = 'contact.held.unsigned-time', held_reason_args = '{}'
where held_reason = 'The form was sent without the time it was shown, as this site signed it';
update contact_message
set held_reason = 'contact.held.too-fast',
    held_reason_args = regexp_match(held_reason, '^The form was filled in faster than a person could \((.*) ms\)$')
where held_reason ~ '^The form was filled in faster than a person could \(.* ms\)$';

update message_entry set body = substr(body, length('Assigned to ') + 1)
where kind = 'ASSIGNED' and body like 'Assigned to %';
update message_entry set body = null
where kind = 'ESCALATED' and body = 'Not answered by the deadline: escalated to the supervisors';
update message_entry set body = null
where kind = 'EMAIL_FAILED' and body = 'An email to the resident could not be delivered';

drop function v40_action(text);
drop function v40_subject_name(text, text);
drop function v40_field(text);
drop function v40_value(text, text);
drop function v40_boundary_source(text);
drop function v40_coverage_phase(text);
drop function v40_coverage_error(text);
drop function v40_rejection(text);
