-- 变更追加规定 (2020) arts. 10, 14, 17–19, 22: a respondent added by a ruling may answer only within a
-- limit — the estate, the unpaid or withdrawn capital, what was received for free. Null means
-- unlimited (every original party, and those added to answer jointly: arts. 13, 20, 21). Only a
-- respondent carries one.
alter table cases.parties add column liability_limit_fen bigint;
alter table cases.parties add constraint parties_liability_limit
  check (liability_limit_fen is null or (liability_limit_fen >= 1 and role = 'respondent'));
