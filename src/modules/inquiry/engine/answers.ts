import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db.ts';
import { type AuditEntry, appendAudit } from '../../audit/index.ts';
import { type TEnvelope, ZQueryResultSchema } from '../protocol/envelope.ts';
import { commitWithoutWaiting } from './async-commit.ts';
import { applyMeasureAnswer } from './measure-answers.ts';
import { slotChannel } from './slot-signal.ts';

/**
 * Records institutions' answers (from callbacks or polls) in one transaction per group: the raw
 * answer on its request (every result is kept), the assets and relations it reports in the feedback
 * list, the effect on a measure. A request already answered is left alone, so a duplicate callback
 * changes nothing; an answer for a request we never sent is refused.
 */
export type IncomingAnswer = { institution: string; envelope: TEnvelope };
export type AnswerOutcome = 'recorded' | 'duplicate' | 'unknown';

type LockedRequest = {
  id: string;
  institution: string;
  remote_request_id: string;
  case_id: string;
  court_id: string;
  respondent_party_id: string | null;
  measure_id: string | null;
  operation: string;
  state: string;
  body: Record<string, unknown>;
  channel: string;
};

function subjectNameOf(body: Record<string, unknown>): string {
  const subject = body.subject;
  if (
    typeof subject === 'object' &&
    subject !== null &&
    'name' in subject &&
    typeof subject.name === 'string'
  ) {
    return subject.name;
  }
  return '';
}

function instantOf(s: string | null | undefined, fallback: Date): string {
  const t = s ? Date.parse(s) : Number.NaN;
  return Number.isNaN(t) ? fallback.toISOString() : new Date(t).toISOString();
}

export async function recordAnswers(db: Db, answers: IncomingAnswer[], now: Date): Promise<AnswerOutcome[]> {
  if (answers.length === 0) return [];
  return db.transaction(async (tx) => {
    await commitWithoutWaiting(tx);
    return recordAnswersIn(tx, answers, now);
  });
}

async function recordAnswersIn(tx: Tx, answers: IncomingAnswer[], now: Date): Promise<AnswerOutcome[]> {
  const rows = await tx.execute<LockedRequest>(sql`
    select r.id, r.institution, r.remote_request_id, r.case_id, r.court_id, r.respondent_party_id, r.measure_id,
      r.operation, r.state, r.body, i.channel
    from inquiry.requests r join inquiry.institutions i on i.code = r.institution
    where (r.institution, r.remote_request_id) in (
      select * from unnest(${sql.param(answers.map((a) => a.institution))}::text[],
        ${sql.param(answers.map((a) => a.envelope.requestId))}::text[]))
    order by r.id for update of r`);
  const byRemote = new Map([...rows].map((r) => [`${r.institution}\u0000${r.remote_request_id}`, r]));
  const seen = new Set<string>();
  const outcomes: AnswerOutcome[] = [];
  const answered: { id: string; result: unknown; answeredAt: string; state: string; error: string | null }[] =
    [];
  const assetRows: Record<string, unknown>[] = [];
  const relationRows: Record<string, unknown>[] = [];
  const audits: AuditEntry[] = [];
  const institutionsTouched = new Set<string>();
  for (const answer of answers) {
    const row = byRemote.get(`${answer.institution}\u0000${answer.envelope.requestId}`);
    if (!row) {
      outcomes.push('unknown');
      continue;
    }
    if (row.state === 'answered' || row.state === 'failed' || row.state === 'expired' || seen.has(row.id)) {
      outcomes.push('duplicate');
      continue;
    }
    seen.add(row.id);
    institutionsTouched.add(row.institution);
    const result = answer.envelope.result ?? { status: 'unknown' };
    const answeredAt = instantOf(answer.envelope.answeredAt, now);
    let state = 'answered';
    let error: string | null = null;
    let detail: Record<string, unknown> = {
      requestId: row.id,
      institution: row.institution,
      operation: row.operation,
      status: result.status,
    };
    if (row.operation === 'query') {
      const parsed = ZQueryResultSchema.safeParse(result);
      if (!parsed.success) {
        state = 'failed';
        error = `无法识别的反馈 / unreadable answer: ${parsed.error.issues[0]?.message ?? ''}`.slice(0, 500);
      } else if (row.respondent_party_id) {
        for (const a of parsed.data.assets) {
          assetRows.push({
            id: randomUUID(),
            case_id: row.case_id,
            court_id: row.court_id,
            respondent_party_id: row.respondent_party_id,
            respondent_name: subjectNameOf(row.body),
            institution: row.institution,
            channel: row.channel,
            asset_type: a.assetType,
            identifier: a.identifier,
            description: a.description,
            value_fen: a.valueFen ?? null,
            balance_fen: a.balanceFen ?? null,
            frozen_fen: a.frozenFen ?? null,
            available_fen: a.availableFen ?? null,
            encumbrances: a.encumbrances,
            extra: a.extra,
            request_id: row.id,
            answered_at: answeredAt,
          });
        }
        for (const r of parsed.data.relations ?? []) {
          relationRows.push({
            id: randomUUID(),
            case_id: row.case_id,
            respondent_party_id: row.respondent_party_id,
            institution: row.institution,
            kind: r.kind,
            name: r.name,
            id_number: r.idNumber ?? null,
            credit_code: r.creditCode ?? null,
            share_pct: r.sharePct ?? null,
            answered_at: answeredAt,
          });
        }
        detail = {
          ...detail,
          assets: parsed.data.assets.length,
          relations: parsed.data.relations?.length ?? 0,
        };
      }
    } else if (row.measure_id) {
      await applyMeasureAnswer(tx, {
        measureId: row.measure_id,
        caseId: row.case_id,
        operation: row.operation,
        result,
        answeredAt,
      });
    }
    answered.push({ id: row.id, result, answeredAt, state, error });
    audits.push({
      actor: null,
      action: 'inquiry.answer.record',
      objectType: 'case',
      objectId: row.case_id,
      detail,
    });
    outcomes.push('recorded');
  }
  await upsertAssets(tx, assetRows);
  await upsertRelations(tx, relationRows);
  if (answered.length > 0) {
    await tx.execute(sql`update inquiry.requests r set state = x.state, result = x.result, answered_at = x.answered_at,
        last_error = x.error, lease_until = null, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(answered.map((a) => ({ id: a.id, state: a.state, result: a.result, answered_at: a.answeredAt, error: a.error })))}::jsonb)
        as x(id uuid, state text, result jsonb, answered_at timestamptz, error text)
      where r.id = x.id`);
  }
  await appendAudit(tx, ...audits);
  if (institutionsTouched.size > 0) {
    await tx.execute(
      sql`select pg_notify(${slotChannel}, code) from unnest(${sql.param([...institutionsTouched])}::text[]) as code`,
    );
  }
  return outcomes;
}

/** One row per key: a group may carry two answers about the same asset (the later one wins). */
function dedupeBy(rows: Record<string, unknown>[], keys: string[]): Record<string, unknown>[] {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = keys.map((k) => String(row[k])).join('\u0000');
    const prior = byKey.get(key);
    if (!prior || String(prior.answered_at) <= String(row.answered_at)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

async function upsertAssets(tx: Tx, all: Record<string, unknown>[]): Promise<void> {
  if (all.length === 0) return;
  const rows = dedupeBy(all, ['case_id', 'respondent_party_id', 'institution', 'identifier']);
  await tx.execute(sql`
    insert into inquiry.assets (id, case_id, court_id, respondent_party_id, respondent_name, institution, channel, asset_type,
      identifier, description, value_fen, balance_fen, frozen_fen, available_fen, encumbrances, extra,
      first_request_id, last_request_id, first_answered_at, answered_at)
    select x.id, x.case_id, x.court_id, x.respondent_party_id, x.respondent_name, x.institution, x.channel, x.asset_type,
      x.identifier, x.description, x.value_fen, x.balance_fen, x.frozen_fen, x.available_fen, x.encumbrances, x.extra,
      x.request_id, x.request_id, x.answered_at, x.answered_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, case_id uuid, court_id uuid, respondent_party_id uuid,
      respondent_name text, institution text, channel text, asset_type text, identifier text, description text,
      value_fen bigint, balance_fen bigint, frozen_fen bigint, available_fen bigint, encumbrances jsonb, extra jsonb,
      request_id uuid, answered_at timestamptz)
    on conflict (case_id, respondent_party_id, institution, identifier) do update set
      description = excluded.description, asset_type = excluded.asset_type, value_fen = excluded.value_fen,
      balance_fen = excluded.balance_fen, frozen_fen = excluded.frozen_fen, available_fen = excluded.available_fen,
      encumbrances = excluded.encumbrances, extra = excluded.extra, last_request_id = excluded.last_request_id,
      answered_at = excluded.answered_at
    where inquiry.assets.answered_at <= excluded.answered_at`);
}

async function upsertRelations(tx: Tx, all: Record<string, unknown>[]): Promise<void> {
  if (all.length === 0) return;
  const rows = dedupeBy(all, ['case_id', 'respondent_party_id', 'kind', 'name', 'institution']);
  await tx.execute(sql`
    insert into inquiry.relations (id, case_id, respondent_party_id, institution, kind, name, id_number, credit_code, share_pct, answered_at)
    select x.id, x.case_id, x.respondent_party_id, x.institution, x.kind, x.name, x.id_number, x.credit_code, x.share_pct, x.answered_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, case_id uuid, respondent_party_id uuid,
      institution text, kind text, name text, id_number text, credit_code text, share_pct numeric, answered_at timestamptz)
    on conflict (case_id, respondent_party_id, kind, name, institution) do update set
      id_number = excluded.id_number, credit_code = excluded.credit_code, share_pct = excluded.share_pct,
      answered_at = excluded.answered_at`);
}
