-- The officer's to-do lists the inquiries they launched that were answered lately (inbox module).
create index case_inquiries_requester on inquiry.case_inquiries (requested_by, done_at desc)
  where requested_by is not null and done_at is not null;
