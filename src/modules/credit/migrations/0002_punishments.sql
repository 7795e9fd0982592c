-- A listing, a person bound by a consumption restriction and an exit restriction are punishments
-- (信用惩戒措施); "measure" is the inquiry module's word for its control measures (冻结、查封…).
-- Same numbers, same rows: only the names change. The matching API still calls them "measures"
-- on the wire (its published contract); that mapping lives in the matching module.
alter sequence credit.measure_no rename to punishment_no;

alter table credit.entries rename column measure_no to punishment_no;
alter table credit.entries rename constraint entries_measure_no_key to entries_punishment_no_key;

alter table credit.restriction_subjects rename column measure_no to punishment_no;
alter table credit.restriction_subjects
  rename constraint restriction_subjects_measure_no_key to restriction_subjects_punishment_no_key;

alter table credit.exit_restrictions rename column measure_no to punishment_no;
alter table credit.exit_restrictions
  rename constraint exit_restrictions_measure_no_key to exit_restrictions_punishment_no_key;

alter table credit.changes rename column measure to punishment;
alter table credit.changes rename column measure_no to punishment_no;

-- What every punishment in force restricts, one row per punishment: what the matching index holds.
drop view credit.active_measures;
create view credit.active_punishments as
  select e.punishment_no, 'dishonestList'::text as punishment, e.subject_kind, e.id_number, e.credit_code, e.name,
    e.court_no, e.case_number, e.case_year, e.case_type, e.case_seq,
    e.publish_from as since, e.expires_on as until, 0 as behaviour_mask, 'debtor'::text as role
  from credit.entries e where e.state = 'listed'
  union all
  select s.punishment_no, 'consumptionRestriction', case when s.role = 'debtor' then r.subject_kind else 'natural' end,
    s.id_number, s.credit_code, s.name, r.court_no, r.case_number, r.case_year, r.case_type, r.case_seq,
    s.restricted_from, null::date, (select coalesce(sum(1 << b), 0) from unnest(r.behaviours) b)::int, s.role
  from credit.restriction_subjects s join credit.restrictions r on r.id = s.restriction_id
  where s.state = 'active' and r.state = 'active'
  union all
  select x.punishment_no, 'exitRestriction', x.subject_kind, x.id_number, x.credit_code, x.name,
    x.court_no, x.case_number, x.case_year, x.case_type, x.case_seq, x.ordered_on, null::date, 0, 'debtor'
  from credit.exit_restrictions x where x.state = 'active';
