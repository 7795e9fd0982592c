-- A period's partial months are read from the case facts by day. For a narrow scope (a court) the
-- indexes leading with the court path find them; for a wide one (a high court, the SPC), which
-- every path matches, these lead with the day (docs/performance.md).
create index case_facts_asset_day on command.case_facts (asset_on) include (court_path, asset_ok)
  where asset_on is not null;
create index case_facts_termination_day on command.case_facts (termination_on) include (court_path, termination_ok)
  where termination_on is not null;
create index case_facts_overall_day on command.case_facts (overall_on) include (court_path, overall_ok)
  where overall_on is not null;
create index petitions_day on command.petitions (registered_on) include (court_path, state);
