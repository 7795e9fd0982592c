-- The published facts grow by what the command centre's warnings read: the next deadline, the day
-- of the last node (a case with none for long may be passive, 消极执行), and the team.
create or replace view cases.indicator_facts as
  select c.id as case_id, c.court_id, c.court_path, c.case_number, c.case_type, c.filed_on, c.closing_type,
    c.closed_on, c.handling_due_on, c.flags, c.status, c.next_deadline_kind, c.next_deadline_on,
    (select max(n.occurred_on) from cases.nodes n where n.case_id = c.id) as last_node_on,
    c.judge_id, c.assistant_id
  from cases.cases c;
