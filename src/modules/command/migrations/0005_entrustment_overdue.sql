-- An entrusted matter not completed by its date is brought to the receiving court's leaders and
-- the sending team once; the day it was.
alter table command.entrustments add column overdue_warned_on date;
