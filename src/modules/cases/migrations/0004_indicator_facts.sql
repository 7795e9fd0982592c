-- The handling period's due date (执行期限规定 art. 1: 6 months from filing, 3 for non-litigation
-- enforcement; suspended days not counted), kept on the case row like its next deadline; null when
-- the case has none, or while its clock is stopped. Rows filed before this column existed get the
-- plain period here and the exact date (holidays, suspensions) on their next change.
alter table cases.cases add column handling_due_on date;
update cases.cases
  set handling_due_on = filed_on + case when is_non_litigation then interval '3 months' else interval '6 months' end
  where case_type in ('执', '执恢');

-- What the cases module publishes to read models (the command centre's indicators): one row per
-- case, the facts only. Other modules read this view, never the tables behind it
-- (docs/decisions/0016-indicator-read-model.md).
create view cases.indicator_facts as
  select id as case_id, court_id, court_path, case_number, case_type, filed_on, closing_type, closed_on,
    handling_due_on, flags, status
  from cases.cases;
