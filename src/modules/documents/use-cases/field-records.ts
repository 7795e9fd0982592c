import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, listUsersByIds } from '../../identity/index.ts';
import type { TFieldRecord, TFieldRecordInput } from '../contracts.ts';
import { assertCaseTeam } from '../policy.ts';
import { fieldRecords, type Officer, uploads } from '../tables.ts';
import { addToDossier } from './dossier-entry.ts';

/** A record captured offline is synced within 30 days *(practice)*; one dated after now (+5 min of clock skew) is refused. */
export const fieldRecordMaxAgeDays = 30;
const clockSkewMs = 5 * 60_000;

type FieldRow = typeof fieldRecords.$inferSelect;

/** The record as signed: its fields in a fixed order with the files' hashes; its SHA-256 goes to the audit chain. */
export function canonicalFieldRecord(r: {
  caseId: string;
  clientKey: string;
  capturedAt: string;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
  address: string;
  note: string;
  officers: Officer[];
  files: { id: string; sha256: string }[];
}): string {
  return JSON.stringify([
    'zhixing-field-record/v1',
    r.caseId,
    r.clientKey,
    r.capturedAt,
    r.latitude,
    r.longitude,
    r.accuracyM,
    r.address,
    r.note,
    r.officers.map((o) => [o.userId, o.name]),
    r.files.map((f) => [f.id, f.sha256]),
  ]);
}

async function view(db: DbOrTx, rows: FieldRow[]): Promise<TFieldRecord[]> {
  const fileIds = rows.flatMap((r) => r.fileIds);
  const files =
    fileIds.length === 0 ? [] : await db.select().from(uploads).where(inArray(uploads.id, fileIds));
  return rows.map((r) => ({
    id: r.id,
    clientKey: r.clientKey,
    capturedAt: r.capturedAt.toISOString(),
    latitude: r.latitude,
    longitude: r.longitude,
    accuracyM: r.accuracyM,
    address: r.address,
    note: r.note,
    officers: r.officers,
    files: r.fileIds.flatMap((id) => {
      const f = files.find((u) => u.id === id);
      return f ? [{ id: f.id, fileName: f.fileName, mediaType: f.mediaType, sha256: f.sha256 }] : [];
    }),
    sha256: r.sha256,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * Records what officers did on site (移动执行): when and where, what they found, who was there, the
 * photos and videos already uploaded to the case. Sent twice (a sync retried), it is recorded once.
 */
export async function recordFieldWork(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
  input: TFieldRecordInput,
): Promise<TFieldRecord> {
  const c = await loadCaseContext(db, actor, caseId);
  assertCaseTeam(c);
  const [already] = await db
    .select()
    .from(fieldRecords)
    .where(and(eq(fieldRecords.caseId, c.id), eq(fieldRecords.clientKey, input.clientKey)));
  if (already) return (await view(db, [already]))[0] as TFieldRecord;
  const now = clock.now();
  const capturedAt = new Date(input.capturedAt);
  if (capturedAt.getTime() > now.getTime() + clockSkewMs) {
    throw invalidField('capturedAt', '记录时间不能晚于现在', 'The capture time cannot be in the future');
  }
  if (capturedAt.getTime() < now.getTime() - fieldRecordMaxAgeDays * 86_400_000) {
    throw invalidField(
      'capturedAt',
      `离线记录应在${fieldRecordMaxAgeDays}日内同步`,
      `Offline records sync within ${fieldRecordMaxAgeDays} days`,
    );
  }
  if ((input.latitude === undefined) !== (input.longitude === undefined)) {
    throw invalidField(
      input.latitude === undefined ? 'latitude' : 'longitude',
      '经纬度应同时提供',
      'Latitude and longitude go together',
    );
  }
  const team = [c.team.judgeId, c.team.assistantId, c.team.bailiffId, c.team.clerkId];
  const officerIds = [...new Set([actor.userId, ...input.officerIds])];
  if (officerIds.some((id) => !team.includes(id))) {
    throw invalidField(
      'officerIds',
      '在场人员应为本案执行团队成员',
      'The officers present must be of the case team',
    );
  }
  const users = await listUsersByIds(db, officerIds);
  const officers: Officer[] = officerIds.map((id) => ({
    userId: id,
    name: id === actor.userId ? actor.displayName : (users.find((u) => u.id === id)?.displayName ?? ''),
  }));
  const fileIds = [...new Set(input.fileIds)];
  const files =
    fileIds.length === 0 ? [] : await db.select().from(uploads).where(inArray(uploads.id, fileIds));
  const ready = files.filter((f) => f.caseId === c.id && f.sha256 !== null);
  if (ready.length !== fileIds.length) {
    throw invalidField(
      'fileIds',
      '附件应为本案已上传完毕的文件',
      'Files must be complete uploads of this case',
    );
  }
  const row: FieldRow = {
    id: randomUUID(),
    caseId: c.id,
    courtId: c.courtId,
    clientKey: input.clientKey,
    capturedAt,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    accuracyM: input.accuracyM ?? null,
    address: input.address,
    note: input.note,
    officers,
    fileIds,
    sha256: '',
    createdBy: actor.userId,
    createdByName: actor.displayName,
    createdAt: now,
  };
  row.sha256 = createHash('sha256')
    .update(
      canonicalFieldRecord({
        ...row,
        capturedAt: capturedAt.toISOString(),
        files: fileIds.map((id) => ({ id, sha256: ready.find((f) => f.id === id)?.sha256 ?? '' })),
      }),
    )
    .digest('hex');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(fieldRecords)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: fieldRecords.id });
    if (inserted.length === 0) {
      const [winner] = await tx
        .select()
        .from(fieldRecords)
        .where(and(eq(fieldRecords.caseId, c.id), eq(fieldRecords.clientKey, input.clientKey)));
      return (await view(tx, winner ? [winner] : []))[0] as TFieldRecord;
    }
    await addToDossier(tx, actor, {
      caseId: c.id,
      kind: 'fieldRecord',
      refId: row.id,
      title: `现场执行记录：${input.address}`,
      sha256: row.sha256,
      action: 'document.field-record',
    });
    return (await view(tx, [row]))[0] as TFieldRecord;
  });
}

export async function listFieldRecords(db: DbOrTx, caseId: string): Promise<TFieldRecord[]> {
  const rows = await db
    .select()
    .from(fieldRecords)
    .where(eq(fieldRecords.caseId, caseId))
    .orderBy(asc(fieldRecords.capturedAt));
  return view(db, rows);
}
