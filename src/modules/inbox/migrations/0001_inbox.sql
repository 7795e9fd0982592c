-- The to-do inbox (待办): the items themselves are computed on request from the modules that own
-- the work (an approval waiting, a deadline near); only who has opened which item is kept here.
create schema inbox;

create table inbox.reads (
  user_id uuid not null,
  -- The item's stable id, `<kind>:<id of the thing to do>`, as the contributing module names it.
  item_id text not null check (length(item_id) between 1 and 200),
  read_at timestamptz not null default now(),
  primary key (user_id, item_id)
);
