-- The case nodes that inquiry produces ("online inquiry done", "assets controlled") are no longer
-- polled from a node_state column: inquiry publishes events, and a flow records each node exactly
-- once. Nodes still due when this runs become events; then the columns go.
insert into platform.outbox_events (event_type, aggregate_id, payload)
select 'inquiry.case-inquiry-completed', ci.case_id::text, jsonb_build_object(
    'caseInquiryId', ci.id, 'caseId', ci.case_id, 'kind', ci.kind, 'requestedBy', ci.requested_by,
    'answeredCount', coalesce(ci.answered_count, 0), 'foundCount', coalesce(ci.found_count, 0),
    'completedOn', to_char((coalesce(ci.done_at, now()) at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD'))
from inquiry.case_inquiries ci where ci.node_state = 'due' order by ci.created_at;

insert into platform.outbox_events (event_type, aggregate_id, payload)
select 'inquiry.measure-took-effect', m.case_id::text, jsonb_build_object(
    'measureId', m.id, 'caseId', m.case_id, 'kind', m.kind, 'state', m.state,
    'requestedBy', m.requested_by, 'documentName', m.document_name)
from inquiry.measures m
where m.node_state = 'due' and m.kind in ('freeze', 'seal', 'seize') and m.state in ('inForce', 'queued')
order by m.created_at;

alter table inquiry.case_inquiries drop column node_state;
alter table inquiry.measures drop column node_state;
