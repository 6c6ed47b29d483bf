-- Welsh versions of what staff write for residents to read (issue 17): beside each English text,
-- its Welsh, or null when there is none (a Welsh page then shows the English, marked as English).
-- The open data API keeps to the English.
alter table priority add column issue_cy text check (length(issue_cy) between 1 and 300);
alter table priority add column outcome_cy text check (length(outcome_cy) between 1 and 3000);
alter table priority add constraint priority_outcome_cy_only_with_outcome
    check (outcome_cy is null or outcome is not null);
alter table priority_update add column text_cy text check (length(text_cy) between 1 and 3000);

alter table event add column title_cy text check (length(title_cy) between 1 and 150);
alter table event add column description_cy text check (length(description_cy) between 1 and 2000);

alter table alert add column title_cy varchar(150) check (length(btrim(title_cy)) > 0);
alter table alert add column body_cy text check (length(body_cy) between 1 and 10000);
-- An alert is in Welsh as a whole, or not at all.
alter table alert add constraint alert_welsh_whole check ((title_cy is null) = (body_cy is null));
