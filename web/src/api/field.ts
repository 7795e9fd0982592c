import type { TCaseDetail, TCaseList } from '../../../src/modules/cases/contracts.ts';
import type {
  TDossier,
  TFieldRecord,
  TFieldRecordInput,
  TStartUpload,
  TUpload,
} from '../../../src/modules/documents/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { requestJson } from './client.ts';

/**
 * Field work (移动执行, src/modules/documents/field-routes.ts): resumable uploads of photos and
 * videos, and the on-site records that cite them. Plain calls — the field page's outbox
 * (areas/field/outbox) decides when they are made, and keeps what it sends until the server has it.
 */
export type TUploadMediaType = TStartUpload['mediaType'];
export type { TCaseDetail, TDossier, TFieldRecord, TFieldRecordInput, TUpload };

/** The media types the server takes (documents/contracts.ts `uploadMediaTypes`). */
export const uploadMediaTypes = everyValueOf<TUploadMediaType>()([
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'application/pdf',
]);
/** Bytes per piece (documents/contracts.ts `maxChunkBytes`): its base64 fits the API's request limit. */
export const chunkBytes = 512 * 1024;
/** The largest file the server takes (documents/contracts.ts `maxUploadBytes`). */
export const maxUploadBytes = 500 * 1024 * 1024;
/** At most this many files per record, and officers present (the record input's limits). */
export const maxRecordFiles = 30;
export const maxRecordOfficers = 6;

const id = (value: string) => encodeURIComponent(value);

export const fieldKeys = {
  all: ['field'] as const,
  cases: (userId: string, q: string) => [...fieldKeys.all, userId, 'cases', q] as const,
  case: (userId: string, caseId: string) => [...fieldKeys.all, userId, 'case', caseId] as const,
  records: (userId: string, caseId: string) => [...fieldKeys.all, userId, 'records', caseId] as const,
};

/** How many of the officer's cases the field page lists (each card reads its case for the address). */
export const fieldCasesPageSize = 20;

/**
 * The signed-in officer's own cases, nearest deadline first, found by case number or party name
 * when `q` is given; the page keeps the open ones.
 */
export function fetchMyCases(q: string, signal?: AbortSignal): Promise<TCaseList> {
  return requestJson<TCaseList>('/api/v1/cases', {
    query: { mine: true, sort: 'deadline', page: 1, pageSize: fieldCasesPageSize, q },
    signal,
  });
}

export function fetchCase(caseId: string, signal?: AbortSignal): Promise<TCaseDetail> {
  return requestJson<TCaseDetail>(`/api/v1/cases/${id(caseId)}`, { signal });
}

export async function fetchFieldRecords(caseId: string, signal?: AbortSignal): Promise<TFieldRecord[]> {
  const list = await requestJson<{ items: TFieldRecord[] }>(`/api/v1/cases/${id(caseId)}/field-records`, {
    signal,
  });
  return list.items;
}

export function startUpload(caseId: string, body: TStartUpload): Promise<TUpload> {
  return requestJson<TUpload>(`/api/v1/cases/${id(caseId)}/uploads`, { method: 'POST', body });
}

export function readUpload(uploadId: string): Promise<TUpload> {
  return requestJson<TUpload>(`/api/v1/uploads/${id(uploadId)}`);
}

/** Appends a piece (base64) at `offset`, which must be the bytes the server has so far (else 409). */
export function sendPiece(uploadId: string, offset: number, data: string): Promise<TUpload> {
  return requestJson<TUpload>(`/api/v1/uploads/${id(uploadId)}`, {
    method: 'PATCH',
    body: { offset, data },
  });
}

/** Posts a record; sent again with the same clientKey, the server answers the record it already has. */
export function postFieldRecord(caseId: string, body: TFieldRecordInput): Promise<TFieldRecord> {
  return requestJson<TFieldRecord>(`/api/v1/cases/${id(caseId)}/field-records`, { method: 'POST', body });
}

/** Where the browser reads an uploaded file (the session cookie goes with it). */
export function uploadContentUrl(uploadId: string): string {
  return `/api/v1/uploads/${id(uploadId)}/content`;
}
