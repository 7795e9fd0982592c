-- Procurators (检察官): a role of users outside the court, attached to the court whose
-- procuratorate of the same level they belong to (CPL art. 246; 民事执行活动法律监督规定 (2016)
-- art. 4). They see no case but those placed under their procuratorate's supervision.
alter table identity.users drop constraint users_roles_check;
alter table identity.users add constraint users_roles_check check (
  roles <@ array['judge', 'assistant', 'bailiff', 'clerk', 'commandCentre', 'courtLeader', 'admin', 'gridWorker', 'procurator']::text[]
  and cardinality(roles) > 0
);
