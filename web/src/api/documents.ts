import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TDocument,
  TDocumentList,
  TDossier,
  TDossierEntry,
  TIssueDocument,
  TPartyDocumentList,
  TServeDocument,
  TService,
  TVerification,
  ZCreatedSchema,
  ZFieldRecordListSchema,
  ZIssuedDocumentSchema,
  ZSealedDocumentSchema,
  ZVerifyHashResultSchema,
} from '../../../src/modules/documents/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { caseKeys } from './cases.ts';
import { type DownloadedFile, requestFile, requestJson } from './client.ts';
import { partyKeys } from './party.ts';
import { asPortal, asPortalFile, usePortalSession } from './portal-session.ts';

/**
 * Documents (文书) of a case: issued from the node templates in Word and PDF, sealed by the judge
 * with the court's verifiable seal, served on the parties; the electronic dossier (电子卷宗) and
 * its export; the field records' photos; and the public verification of a sealed document.
 */
export type { TDocument, TDossier, TDossierEntry, TServeDocument, TService, TVerification };
export type TDocumentTemplate = TIssueDocument['template'];
export type TDocumentFormat = 'docx' | 'pdf';
export type TServiceMethod = TService['method'];
export type TDossierKind = TDossierEntry['kind'];
type TIssued = z.infer<typeof ZIssuedDocumentSchema>;
type TSealed = z.infer<typeof ZSealedDocumentSchema>;
type TCreated = z.infer<typeof ZCreatedSchema>;
export type TFieldRecord = z.infer<typeof ZFieldRecordListSchema>['items'][number];
export type TFieldRecordFile = TFieldRecord['files'][number];
export type TVerifyHashResult = z.infer<typeof ZVerifyHashResultSchema>;
export type TPartyDocument = TPartyDocumentList['items'][number];

/** The templates a case's documents come from (contracts: documentTemplateValues), in the order of a case. */
export const documentTemplates = everyValueOf<TDocumentTemplate>()([
  'riskNotice',
  'enforcementNotice',
  'propertyReportOrder',
  'assistanceNotice',
  'consumptionRestrictionOrder',
  'dishonestDecision',
  'terminationRuling',
]);
export const serviceMethods = everyValueOf<TServiceMethod>()(['electronic', 'postal']);

const id = encodeURIComponent;
const caseBase = (caseId: string) => `/api/v1/cases/${id(caseId)}`;

export const documentKeys = {
  all: ['documents'] as const,
  case: (caseId: string) => [...documentKeys.all, 'case', caseId] as const,
  list: (caseId: string) => [...documentKeys.case(caseId), 'list'] as const,
  dossier: (caseId: string) => [...documentKeys.case(caseId), 'dossier'] as const,
  fieldRecords: (caseId: string) => [...documentKeys.case(caseId), 'field-records'] as const,
  verification: (documentId: string) => [...documentKeys.all, 'verification', documentId] as const,
};

export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: documentKeys.list(caseId),
    queryFn: ({ signal }) => requestJson<TDocumentList>(`${caseBase(caseId)}/documents`, { signal }),
  });
}

export function useDossier(caseId: string) {
  return useQuery({
    queryKey: documentKeys.dossier(caseId),
    queryFn: ({ signal }) => requestJson<TDossier>(`${caseBase(caseId)}/dossier`, { signal }),
  });
}

/** The case's field records (移动执行), for the photos their dossier entries cite. */
export function useFieldRecords(caseId: string) {
  return useQuery({
    queryKey: documentKeys.fieldRecords(caseId),
    queryFn: ({ signal }) =>
      requestJson<z.infer<typeof ZFieldRecordListSchema>>(`${caseBase(caseId)}/field-records`, { signal }),
  });
}

/** An uploaded photo, video or scan, shown inline (the staff session cookie goes with it). */
export function uploadContentUrl(uploadId: string): string {
  return `/api/v1/uploads/${id(uploadId)}/content`;
}

/** After a document changes: its list, the dossier, and the case (a document may record a node). */
function useRefreshDocuments(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: documentKeys.case(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    ]);
}

/** 制作文书: filled from the case, filed in the dossier; a notice or order records its node. */
export function useIssueDocument(caseId: string) {
  const refresh = useRefreshDocuments(caseId);
  return useMutation({
    mutationFn: (template: TDocumentTemplate) =>
      requestJson<TIssued>(`${caseBase(caseId)}/documents`, { method: 'POST', body: { template } }),
    onSuccess: refresh,
  });
}

/** 盖章: the case judge or a court leader seals it with the court's seal and signature. */
export function useSealDocument(caseId: string) {
  const refresh = useRefreshDocuments(caseId);
  return useMutation({
    mutationFn: (documentId: string) =>
      requestJson<TSealed>(`/api/v1/documents/${id(documentId)}/seal`, { method: 'POST' }),
    onSettled: refresh,
  });
}

/** 送达: a sealed document served on a party, electronically (their portal) or by post. */
export function useServeDocument(caseId: string) {
  const refresh = useRefreshDocuments(caseId);
  return useMutation({
    mutationFn: ({ documentId, body }: { documentId: string; body: TServeDocument }) =>
      requestJson<TCreated>(`/api/v1/documents/${id(documentId)}/services`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** The document as Word or PDF, exactly the bytes its hash records. */
export function fetchDocumentFile(document: TDocument, format: TDocumentFormat): Promise<DownloadedFile> {
  return requestFile(`/api/v1/documents/${id(document.id)}/file`, {
    query: { format },
    fallbackName: `${document.title}.${format}`,
  });
}

/** 导出卷宗: the dossier as one ZIP with its manifest of hashes. */
export function fetchDossierArchive(caseId: string, caseNumber: string): Promise<DownloadedFile> {
  return requestFile(`${caseBase(caseId)}/dossier/archive`, { fallbackName: `${caseNumber}-电子卷宗.zip` });
}

// ——— Public verification (no sign-in) ———

/** 文书验真 by the verification code at a document's foot (its id). */
export function useVerification(documentId: string) {
  return useQuery({
    queryKey: documentKeys.verification(documentId),
    queryFn: ({ signal }) =>
      requestJson<TVerification>(`/api/v1/public/documents/${id(documentId)}/verification`, {
        signal,
        credentialHeaders: {},
      }),
    enabled: documentId !== '',
    retry: false,
  });
}

/** 文件验真: whether a file, by its SHA-256, is a sealed document as the court served it. */
export function useVerifyHash() {
  return useMutation({
    mutationFn: (sha256: string) =>
      requestJson<TVerifyHashResult>('/api/v1/public/documents/verify', {
        method: 'POST',
        body: { sha256 },
        credentialHeaders: {},
      }),
  });
}

// ——— The party portal: the documents served on the person ———

const partyDocumentKeys = {
  list: (caseId: string) => [...partyKeys.case(caseId), 'documents'] as const,
};

export function usePartyDocuments(caseId: string) {
  const session = usePortalSession();
  return useQuery({
    queryKey: partyDocumentKeys.list(caseId),
    queryFn: ({ signal }) =>
      asPortal<TPartyDocumentList>(`/api/v1/party/cases/${id(caseId)}/documents`, { signal }),
    enabled: session !== null && caseId !== '',
    retry: false,
  });
}

/** Opens a served document as PDF; the first opening is its time of receipt, so the list is read again. */
export function useOpenPartyDocument(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (document: TPartyDocument) =>
      asPortalFile(`/api/v1/party/cases/${id(caseId)}/documents/${id(document.id)}/file`, {
        query: { format: 'pdf' },
        fallbackName: `${document.title}.pdf`,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partyDocumentKeys.list(caseId) }),
  });
}
