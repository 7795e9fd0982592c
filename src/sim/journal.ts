import { type FileHandle, mkdir, open } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write-ahead journal of the simulator's effects (JSON lines). A record is on disk (in the operating
 * system's hands) before anyone is told about it, so killing the process loses nothing that was
 * acknowledged; restarting with the same seed and file replays it into the same state. Appends made
 * in the same tick share one write (group commit). Answers are not stored: replaying the accepted
 * requests in the order they were answered, at the simulated time they were answered, rebuilds them.
 */
export type JournalRecord =
  | { t: 'header'; seed: number; version: 1; referenceDate?: string }
  | {
      t: 'accept';
      requestId: string;
      institution: string;
      operation: string;
      idempotencyKey: string;
      bodyHash: string;
      body: unknown;
      acceptedAt: number;
      isDropped: boolean;
    }
  | { t: 'answer'; requestId: string; simNow: number }
  | { t: 'callback'; requestId: string; outcome: 'delivered' | 'failed' }
  | { t: 'clock'; offsetMs: number }
  | BankJournalRecord
  | SmsJournalRecord;

/** A payment instruction as the court's bank accepted it (src/sim/bank). */
export type BankPaymentOrder = {
  fromAccount: string;
  toAccount: string;
  toName: string;
  amountFen: number;
  purpose: string;
};

/**
 * The simulated court bank's effects (src/sim/bank). Each carries what was decided (serials,
 * outcomes), so that replaying them rebuilds the same accounts without drawing anything again.
 */
export type BankJournalRecord =
  | { t: 'bank.subscription'; notifyBaseUrl: string; accounts: string[] }
  | {
      t: 'bank.transfer';
      serial: string;
      toAccount: string;
      courtAccount: string;
      amountFen: number;
      payerName: string;
      payerAccount: string;
      receivedAt: number;
    }
  | { t: 'bank.renotify'; serial: string }
  | {
      t: 'bank.payment';
      instructionId: string;
      bodyHash: string;
      order: BankPaymentOrder;
      acceptedAt: number;
    }
  | {
      t: 'bank.settle';
      instructionId: string;
      status: 'paid' | 'failed';
      bankSerial?: string;
      settledAt: number;
      reason?: string;
    }
  | { t: 'bank.notified'; kind: 'arrival' | 'result'; ids: string[] }
  | { t: 'bank.closed'; account: string; isClosed: boolean }
  | {
      t: 'bank.discrepancy';
      account: string;
      date: string;
      kind: 'omit' | 'extra' | 'amount';
      serial: string;
      amountFen?: number;
      direction?: 'in' | 'out';
    };

/** A text message the simulated SMS gateway accepted (src/sim/sms). */
export type SmsJournalRecord = {
  t: 'sms.message';
  messageId: string;
  to: string;
  text: string;
  bodyHash: string;
  sentAt: number;
};

export type Journal = {
  append(record: JournalRecord): Promise<void>;
  close(): Promise<void>;
};

export const NO_JOURNAL: Journal = { append: () => Promise.resolve(), close: () => Promise.resolve() };

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Opens (or creates) the journal at `file`: feeds every complete record to `onRecord`, cuts off a torn
 * last line left by a crash mid-write (its request was never acknowledged), and checks the seed.
 */
export async function openJournal(
  file: string,
  options: {
    seed: number;
    referenceDate?: string;
    onRecord: (record: JournalRecord) => void;
    isFsync?: boolean;
  },
): Promise<Journal> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a+');
  let validBytes = 0;
  let isEmpty = true;
  try {
    validBytes = await readRecords(handle, (record) => {
      if (isEmpty && record.t === 'header' && record.seed !== options.seed) {
        throw new Error(
          `模拟器日志的种子为 ${record.seed}，与 ${options.seed} 不符 / The journal ${file} was written with seed ${record.seed}, not ${options.seed}`,
        );
      }
      isEmpty = false;
      options.onRecord(record);
    });
    const { size } = await handle.stat();
    if (size > validBytes) await handle.truncate(validBytes);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const journal = createAppender(handle, options.isFsync === true);
  if (isEmpty) {
    const header: JournalRecord = { t: 'header', seed: options.seed, version: 1 };
    await journal.append(
      options.referenceDate ? { ...header, referenceDate: options.referenceDate } : header,
    );
  }
  return journal;
}

/** The journal's first record, if the file exists and starts with a header. */
export async function readJournalHeader(
  file: string,
): Promise<Extract<JournalRecord, { t: 'header' }> | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const newline = buffer.subarray(0, bytesRead).indexOf(NEWLINE);
    if (newline === -1) return undefined;
    const record = parseRecord(buffer.toString('utf8', 0, newline));
    return record?.t === 'header' ? record : undefined;
  } finally {
    await handle.close();
  }
}

/** Reads complete lines chunk by chunk; returns the byte length of the complete lines. */
async function readRecords(handle: FileHandle, onRecord: (record: JournalRecord) => void): Promise<number> {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let carry: Buffer = Buffer.alloc(0);
  let position = 0;
  let validBytes = 0;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data =
      carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    let start = 0;
    for (let nl = data.indexOf(NEWLINE, start); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
      const record = parseRecord(data.toString('utf8', start, nl));
      if (record) onRecord(record);
      validBytes += nl + 1 - start;
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  return validBytes;
}

function parseRecord(line: string): JournalRecord | undefined {
  if (line.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  if (isJournalRecord(value)) return value;
  throw new Error(`模拟器日志记录无法识别 / Unrecognised journal record: ${line.slice(0, 200)}`);
}

function isJournalRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null || !('t' in value)) return false;
  switch (value.t) {
    case 'header':
      return 'seed' in value && typeof value.seed === 'number';
    case 'accept':
      return (
        'requestId' in value && 'institution' in value && 'operation' in value && 'idempotencyKey' in value
      );
    case 'answer':
      return 'requestId' in value && 'simNow' in value && typeof value.simNow === 'number';
    case 'callback':
      return 'requestId' in value && 'outcome' in value;
    case 'clock':
      return 'offsetMs' in value && typeof value.offsetMs === 'number';
    default:
      return typeof value.t === 'string' && hasFields(value, OTHER_RECORD_FIELDS[value.t]);
  }
}

// The fields every bank and SMS record must have (a journal from an older version has none).
const OTHER_RECORD_FIELDS: Record<string, readonly string[]> = {
  'bank.subscription': ['notifyBaseUrl', 'accounts'],
  'bank.transfer': ['serial', 'toAccount', 'courtAccount', 'amountFen', 'receivedAt'],
  'bank.renotify': ['serial'],
  'bank.payment': ['instructionId', 'bodyHash', 'order', 'acceptedAt'],
  'bank.settle': ['instructionId', 'status', 'settledAt'],
  'bank.notified': ['kind', 'ids'],
  'bank.closed': ['account', 'isClosed'],
  'bank.discrepancy': ['account', 'date', 'kind', 'serial'],
  'sms.message': ['messageId', 'to', 'text', 'bodyHash', 'sentAt'],
};

function hasFields(value: object, fields: readonly string[] | undefined): boolean {
  return fields?.every((f) => f in value) ?? false;
}

type Waiter = { resolve: () => void; reject: (e: unknown) => void };

function createAppender(handle: FileHandle, isFsync: boolean): Journal {
  let buffer: string[] = [];
  let waiters: Waiter[] = [];
  let isWriting = false;
  let isScheduled = false;
  let idle: Promise<void> = Promise.resolve();
  let markIdle: () => void = () => {};

  const flush = (): void => {
    isScheduled = false;
    if (isWriting || buffer.length === 0) return;
    isWriting = true;
    idle = new Promise((resolve) => {
      markIdle = resolve;
    });
    const data = buffer.join('');
    const batch = waiters;
    buffer = [];
    waiters = [];
    handle
      .write(data)
      .then(() => (isFsync ? handle.datasync() : undefined))
      .then(
        () => {
          for (const w of batch) w.resolve();
        },
        (e: unknown) => {
          for (const w of batch) w.reject(e);
        },
      )
      .finally(() => {
        isWriting = false;
        markIdle();
        flush();
      });
  };

  return {
    append(record) {
      buffer.push(`${JSON.stringify(record)}\n`);
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        if (!isScheduled) {
          isScheduled = true;
          queueMicrotask(flush);
        }
      });
    },
    async close() {
      flush();
      while (isWriting || buffer.length > 0) {
        await idle;
        flush();
      }
      await handle.close();
    },
  };
}
