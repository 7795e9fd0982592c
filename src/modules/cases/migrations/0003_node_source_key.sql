-- A node another module asks to record (through a flow) carries the key of what caused it, so
-- that recording it again — a redelivered event — finds the node already there.
alter table cases.nodes add column source_key text;
create unique index nodes_source_key on cases.nodes (source_key) where source_key is not null;
