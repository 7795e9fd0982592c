import type { TFieldRecordInput, TUploadMediaType } from '../../../api/field.ts';

/**
 * A photo or video of a queued record, and how far its upload has come. Its bytes are kept apart
 * (the outbox's `blobs`, under `outboxBlobKey`).
 */
export type OutboxFile = {
  /** The file's place in the record (0, 1, …), stable while it waits. */
  index: number;
  name: string;
  mediaType: TUploadMediaType;
  size: number;
  /** SHA-256 (hex) computed on the device, to check against the server's; null for very large files. */
  localSha256: string | null;
  /** The server's upload, once started: a sync after a failure or reload resumes it. */
  uploadId: string | null;
  /** The server's SHA-256 once the upload is complete. */
  sha256: string | null;
};

export type OutboxState = 'queued' | 'failed';

/**
 * A field record saved on the device and not yet on the server (待同步). It leaves the outbox only
 * when the server has answered it with the record; a record the server refused stays, marked
 * failed, until the officer retries or discards it.
 */
export type OutboxRecord = {
  clientKey: string;
  /** The officer who captured it: only their session sends it. */
  userId: string;
  userName: string;
  caseId: string;
  caseNumber: string;
  input: Omit<TFieldRecordInput, 'clientKey' | 'fileIds'>;
  files: OutboxFile[];
  savedAt: string;
  state: OutboxState;
  /** The server's refusal (bilingual), for a failed record. */
  error: string | null;
  attempts: number;
};

export function outboxBlobKey(clientKey: string, index: number): string {
  return `${clientKey}/${index}`;
}
