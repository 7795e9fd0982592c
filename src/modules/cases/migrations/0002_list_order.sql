-- The workbench list of a wide scope (an intermediate or high court, the SPC) is read in deadline
-- or filing order and filtered by court path: these indexes let it stop after one page instead of
-- sorting every case in the province. Narrow scopes keep using the (court_path, …) indexes.
create index cases_deadline_order on cases.cases (next_deadline_on, id);
create index cases_filed_order on cases.cases (filed_on, id);
