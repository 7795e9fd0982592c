import { isApiError } from '../../../api/client.ts';
import { postFieldRecord, type TFieldRecord } from '../../../api/field.ts';
import { type Lang, pickMessageHalf } from '../../../i18n/index.ts';
import {
  outboxSnapshot,
  readOutboxBlob,
  readOutboxRecord,
  reloadOutbox,
  removeOutboxRecord,
  updateOutboxRecord,
} from './outbox-store.ts';
import type { OutboxFile, OutboxRecord } from './outbox-types.ts';
import { type SyncProblem, setSyncStatus, syncStatusSnapshot } from './sync-status.ts';
import { HashMismatchError, uploadResumably } from './upload-file.ts';

/**
 * Sends the outbox: for each record of the signed-in officer, oldest first, its files (each
 * resumably, in pieces), then the record with the files' ids. A record leaves the outbox only when
 * the server has answered it; sent twice (an answer lost), the server's clientKey check records it
 * once. One sync at a time, across the browser's tabs too (Web Locks).
 */
type Outcome =
  | { kind: 'sent'; record: TFieldRecord }
  | { kind: 'refused' }
  | { kind: 'stop'; problem: SyncProblem };

export type SyncOptions = { userId: string; onSent: (caseId: string, record: TFieldRecord) => void };

let running: Promise<void> | null = null;
let again = false;

/** Why a request failed, as the sync sees it: stop for now (and why), or the server refused the record. */
function classify(error: unknown): SyncProblem | 'refused' {
  if (error instanceof HashMismatchError) return 'refused';
  if (!isApiError(error)) return error instanceof DOMException ? 'storage' : 'offline';
  if (error.status === 0) return 'offline';
  if (error.status === 401) return 'signedOut';
  if (error.status === 429 || error.status >= 500) return 'server';
  return 'refused';
}

/** The server's refusal, kept bilingual ("中文 / English") with its field messages in each half. */
function describe(error: unknown): string {
  if (isApiError(error)) {
    const half = (lang: Lang) => {
      const details = error.details
        .map((d) => pickMessageHalf(d.message, lang))
        .join(lang === 'zh' ? '；' : '; ');
      const message = pickMessageHalf(error.message, lang);
      if (!details) return message;
      return lang === 'zh' ? `${message}（${details}）` : `${message} (${details})`;
    };
    return `${half('zh')} / ${half('en')}`;
  }
  if (error instanceof HashMismatchError)
    return '文件哈希与服务器不一致，将重新上传 / The file’s hash differs from the server’s; it will be sent again';
  return error instanceof Error ? error.message : String(error);
}

async function sendFile(record: OutboxRecord, file: OutboxFile, before: number, total: number) {
  const blob = await readOutboxBlob(record.clientKey, file.index);
  if (!blob) throw new DOMException(`the bytes of ${file.name} are missing`, 'NotFoundError');
  const setFile = (change: Partial<OutboxFile>) =>
    updateOutboxRecord(record.clientKey, (r) => ({
      ...r,
      files: r.files.map((f) => (f.index === file.index ? { ...f, ...change } : f)),
    }));
  try {
    const done = await uploadResumably({
      caseId: record.caseId,
      file,
      blob,
      onStarted: async (uploadId) => {
        await setFile({ uploadId });
      },
      onProgress: (sent) =>
        setSyncStatus({
          current: { clientKey: record.clientKey, sentBytes: before + sent, totalBytes: total },
        }),
    });
    await setFile({ uploadId: done.uploadId, sha256: done.sha256 });
  } catch (error) {
    // Bytes that do not match are never cited: the file is sent again from the start next time.
    if (error instanceof HashMismatchError) await setFile({ uploadId: null, sha256: null });
    throw error;
  }
}

async function sendRecord(clientKey: string): Promise<Outcome> {
  try {
    let record = await readOutboxRecord(clientKey);
    if (record?.state !== 'queued') return { kind: 'refused' };
    const total = record.files.reduce((sum, f) => sum + f.size, 0);
    let before = 0;
    for (const file of record.files) {
      if (file.sha256 === null || file.uploadId === null) await sendFile(record, file, before, total);
      before += file.size;
    }
    record = await readOutboxRecord(clientKey);
    if (!record) return { kind: 'refused' };
    const fileIds = record.files.flatMap((f) => (f.uploadId && f.sha256 ? [f.uploadId] : []));
    if (fileIds.length !== record.files.length) throw new Error('a file of the record is not uploaded');
    const sent = await postFieldRecord(record.caseId, { ...record.input, clientKey, fileIds });
    await removeOutboxRecord(clientKey);
    return { kind: 'sent', record: sent };
  } catch (error) {
    const kind = classify(error);
    if (kind !== 'refused') return { kind: 'stop', problem: kind };
    await updateOutboxRecord(clientKey, (r) => ({
      ...r,
      state: 'failed',
      error: describe(error),
      attempts: r.attempts + 1,
    }));
    return { kind: 'refused' };
  }
}

async function syncOnce(options: SyncOptions): Promise<void> {
  await reloadOutbox();
  if (!navigator.onLine) {
    setSyncStatus({ problem: 'offline' });
    return;
  }
  setSyncStatus({ problem: null });
  const mine = outboxSnapshot().filter((r) => r.userId === options.userId && r.state === 'queued');
  for (const record of mine) {
    const outcome = await sendRecord(record.clientKey);
    if (outcome.kind === 'stop') {
      setSyncStatus({ problem: outcome.problem });
      return;
    }
    if (outcome.kind === 'sent') {
      setSyncStatus({ sentCount: syncStatusSnapshot().sentCount + 1 });
      options.onSent(record.caseId, outcome.record);
    }
  }
}

async function underLock(work: () => Promise<void>): Promise<void> {
  // Web Locks exist in secure contexts; elsewhere the one page's own guard is all there is.
  if (!('locks' in navigator) || !navigator.locks) return work();
  await navigator.locks.request('zhixing-field-outbox', () => work());
}

/** Sends the outbox now (or once more after the sync under way). Resolves when it is done. */
export function syncOutbox(options: SyncOptions): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    setSyncStatus({ running: true });
    try {
      do {
        again = false;
        await underLock(() => syncOnce(options));
      } while (again);
    } catch {
      setSyncStatus({ problem: 'storage' });
    } finally {
      setSyncStatus({ running: false, current: null });
      running = null;
    }
  })();
  return running;
}
