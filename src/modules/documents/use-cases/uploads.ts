import { createHash, randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { maxChunkBytes, type TStartUpload, type TUpload, type TUploadChunk } from '../contracts.ts';
import { assertCaseTeam } from '../policy.ts';
import { uploadChunks, uploads } from '../tables.ts';
import { addToDossier } from './dossier-entry.ts';

type UploadRow = typeof uploads.$inferSelect;

function view(u: UploadRow): TUpload {
  return {
    id: u.id,
    caseId: u.caseId,
    fileName: u.fileName,
    mediaType: u.mediaType,
    totalBytes: u.totalBytes,
    receivedBytes: u.receivedBytes,
    complete: u.completedAt !== null,
    sha256: u.sha256,
  };
}

function uploadNotFound(): AppError {
  return new AppError(ErrorCode.notFound, bi('上传不存在', 'No such upload'));
}

/** An upload and its case, for an actor who sees the case (else 404). */
export async function loadUpload(db: DbOrTx, actor: Actor, uploadId: string) {
  const [upload] = await db.select().from(uploads).where(eq(uploads.id, uploadId));
  if (!upload) throw uploadNotFound();
  try {
    return { upload, c: await loadCaseContext(db, actor, upload.caseId) };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.notFound) throw uploadNotFound();
    throw error;
  }
}

/** Starts a resumable upload to a case: the file arrives in pieces, each continuing where the last ended. */
export async function startUpload(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
  input: TStartUpload,
): Promise<TUpload> {
  const c = await loadCaseContext(db, actor, caseId);
  assertCaseTeam(c);
  const row: UploadRow = {
    id: randomUUID(),
    caseId: c.id,
    courtId: c.courtId,
    fileName: input.fileName,
    mediaType: input.mediaType,
    totalBytes: input.totalBytes,
    receivedBytes: 0,
    sha256: null,
    createdBy: actor.userId,
    createdByName: actor.displayName,
    createdAt: clock.now(),
    completedAt: null,
  };
  await db.insert(uploads).values(row);
  return view(row);
}

export async function readUpload(db: DbOrTx, actor: Actor, uploadId: string): Promise<TUpload> {
  return view((await loadUpload(db, actor, uploadId)).upload);
}

/**
 * Appends a piece at `offset`, which must be the bytes received so far (409 with the offset to go on
 * from otherwise — a piece resent after a lost answer is refused, not stored twice). The last piece
 * completes the file: its SHA-256 is computed from the stored pieces and filed in the dossier.
 */
export async function appendChunk(
  db: DbOrTx,
  actor: Actor,
  uploadId: string,
  input: TUploadChunk,
): Promise<TUpload> {
  const { upload, c } = await loadUpload(db, actor, uploadId);
  assertCaseTeam(c);
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0 || bytes.length > maxChunkBytes) {
    throw invalidField('data', `每段应为1至${maxChunkBytes}字节`, `A piece is 1 to ${maxChunkBytes} bytes`);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(uploads).where(eq(uploads.id, upload.id)).for('update');
    if (!row) throw uploadNotFound();
    if (row.completedAt !== null)
      throw new AppError(ErrorCode.conflict, bi('文件已上传完毕', 'The upload is complete'));
    if (input.offset !== row.receivedBytes) {
      throw new AppError(
        ErrorCode.conflict,
        bi(`应从第${row.receivedBytes}字节继续上传`, `Continue from byte ${row.receivedBytes}`),
      );
    }
    if (row.receivedBytes + bytes.length > row.totalBytes) {
      throw invalidField('data', '超出文件声明的大小', 'More bytes than the file’s declared size');
    }
    await tx.insert(uploadChunks).values({ uploadId: row.id, startByte: row.receivedBytes, bytes });
    const receivedBytes = row.receivedBytes + bytes.length;
    const done = receivedBytes === row.totalBytes;
    const sha256 = done ? await hashOfChunks(tx, row.id) : null;
    const completedAt = done ? clock.now() : null;
    await tx.update(uploads).set({ receivedBytes, sha256, completedAt }).where(eq(uploads.id, row.id));
    if (sha256 !== null) {
      await addToDossier(tx, actor, {
        caseId: row.caseId,
        kind: 'file',
        refId: row.id,
        title: row.fileName,
        sha256,
        action: 'document.upload',
      });
    }
    return view({ ...row, receivedBytes, sha256, completedAt });
  });
}

async function hashOfChunks(tx: DbOrTx, uploadId: string): Promise<string> {
  const hash = createHash('sha256');
  const starts = await tx
    .select({ startByte: uploadChunks.startByte })
    .from(uploadChunks)
    .where(eq(uploadChunks.uploadId, uploadId))
    .orderBy(asc(uploadChunks.startByte));
  // One piece in memory at a time: a long video is hashed without holding it whole.
  for (const { startByte } of starts) {
    const [piece] = await tx.execute<{ bytes: Buffer }>(
      sql`select bytes from documents.upload_chunks where upload_id = ${uploadId}::uuid and start_byte = ${startByte}`,
    );
    if (piece) hash.update(piece.bytes);
  }
  return hash.digest('hex');
}

/** A completed file's bytes (the dossier's photos and videos). */
export async function uploadContent(db: DbOrTx, uploadId: string): Promise<Buffer> {
  const pieces = await db
    .select({ bytes: uploadChunks.bytes })
    .from(uploadChunks)
    .where(eq(uploadChunks.uploadId, uploadId))
    .orderBy(asc(uploadChunks.startByte));
  return Buffer.concat(pieces.map((p) => p.bytes));
}

export async function readUploadContent(db: DbOrTx, actor: Actor, uploadId: string) {
  const { upload } = await loadUpload(db, actor, uploadId);
  if (upload.completedAt === null) {
    throw new AppError(ErrorCode.conflict, bi('文件尚未上传完毕', 'The upload is not complete'));
  }
  return {
    bytes: await uploadContent(db, upload.id),
    contentType: upload.mediaType,
    fileName: upload.fileName,
  };
}
