-- An entry's journal is written by the same statement sequence of the same transaction
-- (ledger.ts insertJournals), and neither is ever changed or deleted. The foreign key checked that
-- again row by row — one lookup and one row lock on the journal per entry, half the cost of booking
-- an arrival (docs/performance.md). `verifyLedger` checks it instead: every entry has its journal,
-- every journal has entries and balances.
alter table funds.entries drop constraint entries_journal_id_fkey;
