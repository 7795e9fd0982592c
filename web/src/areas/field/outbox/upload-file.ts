import { isApiError } from '../../../api/client.ts';
import { chunkBytes, readUpload, sendPiece, startUpload, type TUpload } from '../../../api/field.ts';
import { readAsBase64 } from '../../../lib/read-file.ts';
import type { OutboxFile } from './outbox-types.ts';

/** The device's bytes and the server's SHA-256 differ: the file is sent again from the start. */
export class HashMismatchError extends Error {
  constructor(fileName: string) {
    super(`SHA-256 of ${fileName} differs from the server's`);
    this.name = 'HashMismatchError';
  }
}

type UploadSteps = {
  caseId: string;
  file: OutboxFile;
  blob: Blob;
  /** Called (and awaited) once the server has given the upload an id, before any byte is sent. */
  onStarted: (uploadId: string) => Promise<void>;
  onProgress: (sentBytes: number) => void;
};

/** How many times in a row the server may answer 409 before the upload is left for the next sync. */
const maxConflicts = 3;

/** Where the server's upload stands; a forgotten upload (404) is begun again. */
async function resumePoint(uploadId: string): Promise<TUpload | null> {
  try {
    return await readUpload(uploadId);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

function finished(file: OutboxFile, upload: TUpload): string {
  const sha256 = upload.sha256 ?? '';
  if (file.localSha256 !== null && sha256 !== file.localSha256) throw new HashMismatchError(file.name);
  return sha256;
}

/**
 * Uploads one file in pieces of 512 KiB, resuming where the server's upload stands (after a lost
 * connection, a failed piece or a reload). Resolves with the upload's id and the server's SHA-256.
 */
export async function uploadResumably(steps: UploadSteps): Promise<{ uploadId: string; sha256: string }> {
  const { file, blob } = steps;
  let upload = file.uploadId ? await resumePoint(file.uploadId) : null;
  if (upload === null) {
    upload = await startUpload(steps.caseId, {
      fileName: file.name,
      mediaType: file.mediaType,
      totalBytes: file.size,
    });
    await steps.onStarted(upload.id);
  }
  const uploadId = upload.id;
  let offset = upload.receivedBytes;
  let conflicts = 0;
  steps.onProgress(offset);
  while (!upload.complete) {
    if (offset >= file.size) {
      upload = await readUpload(uploadId);
      if (!upload.complete) throw new Error(`upload ${uploadId} has every byte but is not complete`);
      break;
    }
    const data = await readAsBase64(blob.slice(offset, offset + chunkBytes));
    try {
      upload = await sendPiece(uploadId, offset, data);
      conflicts = 0;
    } catch (error) {
      if (!(isApiError(error) && error.status === 409) || conflicts >= maxConflicts) throw error;
      // The server has more (a piece whose answer was lost) or less: go on from what it has.
      conflicts += 1;
      upload = await readUpload(uploadId);
    }
    offset = upload.receivedBytes;
    steps.onProgress(offset);
  }
  return { uploadId, sha256: finished(file, upload) };
}
