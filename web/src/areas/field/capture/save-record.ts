import type { TUser } from '../../../../../src/modules/identity/contracts.ts';
import type { TFieldRecordInput } from '../../../api/field.ts';
import { addOutboxRecord } from '../outbox/outbox-store.ts';
import type { OutboxFile, OutboxRecord } from '../outbox/outbox-types.ts';
import { newClientKey, sha256Hex } from './device-crypto.ts';
import type { PickedFile } from './picked-file.ts';

export type CapturedRecord = {
  caseId: string;
  caseNumber: string;
  input: Omit<TFieldRecordInput, 'clientKey' | 'fileIds'>;
  files: PickedFile[];
};

/**
 * Puts a record captured on site in the outbox, with its files' bytes and hashes, under a
 * clientKey made here: from then on it is on the device, whatever the network does.
 */
export async function saveToOutbox(user: TUser, captured: CapturedRecord): Promise<OutboxRecord> {
  const files: OutboxFile[] = [];
  for (const [index, picked] of captured.files.entries()) {
    files.push({
      index,
      name: picked.name,
      mediaType: picked.mediaType,
      size: picked.file.size,
      localSha256: await sha256Hex(picked.file),
      uploadId: null,
      sha256: null,
    });
  }
  const record: OutboxRecord = {
    clientKey: newClientKey(),
    userId: user.id,
    userName: user.displayName,
    caseId: captured.caseId,
    caseNumber: captured.caseNumber,
    input: captured.input,
    files,
    savedAt: new Date().toISOString(),
    state: 'queued',
    error: null,
    attempts: 0,
  };
  await addOutboxRecord(
    record,
    captured.files.map((f) => f.file),
  );
  return record;
}
