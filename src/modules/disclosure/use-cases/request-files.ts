import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import type { TClueInput, TPartyRequest } from '../contracts.ts';
import { requestFiles, requests } from '../tables.ts';

/**
 * The files a party or lawyer attaches (photos, scans): checked by their bytes, not by the type
 * they claim, at most 5 MB each, kept with their SHA-256.
 */
const maxFileBytes = 5 * 1024 * 1024;

export type NewFile = { name: string; contentType: string; bytes: Buffer; sha256: string };

const signatures: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** Each attachment decoded and checked: its bytes are what its type says, at most 5 MB. */
export function decodeFiles(input: TClueInput['attachments']): NewFile[] {
  return (input ?? []).map((a, i) => {
    const path = `attachments.${i}.dataBase64`;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(a.dataBase64)) {
      throw invalidField(path, '附件不是有效的 base64 编码', 'The attachment is not valid base64');
    }
    const bytes = Buffer.from(a.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > maxFileBytes) {
      throw invalidField(path, '附件大小应在 5 MB 以内', 'An attachment is at most 5 MB');
    }
    if (!signatures[a.contentType]?.(bytes)) {
      throw invalidField(path, '附件内容与其类型不符', `The file is not a ${a.contentType}`);
    }
    return {
      name: a.name,
      contentType: a.contentType,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  });
}

export async function filesOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, TPartyRequest['attachments']>();
  const rows = await db
    .select({
      id: requestFiles.id,
      requestId: requestFiles.requestId,
      name: requestFiles.name,
      contentType: requestFiles.contentType,
      size: requestFiles.size,
      sha256: requestFiles.sha256,
    })
    .from(requestFiles)
    .where(inArray(requestFiles.requestId, ids))
    .orderBy(asc(requestFiles.position));
  const byRequest = new Map<string, TPartyRequest['attachments']>();
  for (const { requestId, ...file } of rows)
    byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), file]);
  return byRequest;
}

export async function readAttachment(db: DbOrTx, caseId: string, requestId: string, attachmentId: string) {
  const [file] = await db
    .select({ name: requestFiles.name, contentType: requestFiles.contentType, bytes: requestFiles.bytes })
    .from(requestFiles)
    .innerJoin(requests, eq(requests.id, requestFiles.requestId))
    .where(and(eq(requestFiles.id, attachmentId), eq(requests.id, requestId), eq(requests.caseId, caseId)));
  if (!file) throw new AppError(ErrorCode.notFound, bi('附件不存在', 'No such attachment'));
  return file;
}
