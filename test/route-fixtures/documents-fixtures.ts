import { randomUUID } from 'node:crypto';
import { openPortalSession, portalTokenHeader } from '../../src/modules/disclosure/index.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

/**
 * Documents, the dossier and field work: a document issued (and, where the route needs it, sealed
 * and served) by the judge of a fresh case of the court; uploads started by the judge.
 */
async function aDocument(world: World, court: CourtKey, opts: { sealed?: boolean } = {}) {
  const onCase = await onNewCase(world, court);
  const judge = `${court}.judge`;
  const res = await world.call(
    judge,
    'POST',
    `/api/v1/cases/${onCase.caseId}/documents`,
    { template: 'enforcementNotice' },
    201,
  );
  const documentId = String(res.body.id);
  let sha256 = String(res.body.sha256);
  if (opts.sealed) {
    sha256 = String(
      (await world.call(judge, 'POST', `/api/v1/documents/${documentId}/seal`, undefined, 200)).body.sha256,
    );
  }
  return { ...onCase, documentId, sha256, judge };
}

async function anUpload(world: World, court: CourtKey, bytes?: Buffer) {
  const onCase = await onNewCase(world, court);
  const judge = `${court}.judge`;
  const content = bytes ?? Buffer.from('\xff\xd8\xff\xe0 a photo', 'latin1');
  const res = await world.call(
    judge,
    'POST',
    `/api/v1/cases/${onCase.caseId}/uploads`,
    { fileName: '现场照片.jpg', mediaType: 'image/jpeg', totalBytes: content.length },
    201,
  );
  return { ...onCase, uploadId: String(res.body.id), content, judge };
}

/** A sealed document served electronically on the applicant, who holds a portal session. */
async function aServedDocument(world: World, court: CourtKey) {
  const doc = await aDocument(world, court, { sealed: true });
  const [applicant] = await world.t.database.sql<{ id: string; identifier: string; name: string }[]>`
    select id, coalesce(id_number, credit_code) as identifier, name from cases.parties
    where case_id = ${doc.caseId} and role = 'applicant' order by position limit 1`;
  if (!applicant) throw new Error('the fixture case has no applicant');
  await world.call(
    doc.judge,
    'POST',
    `/api/v1/documents/${doc.documentId}/services`,
    { partyId: applicant.id, method: 'electronic' },
    201,
  );
  const { token } = await openPortalSession(world.t.database.db, {
    kind: 'party',
    subjectId: applicant.identifier,
    name: applicant.name,
  });
  return { ...doc, headers: { [portalTokenHeader]: token } };
}

const onCase: RouteFixture = { build: (world, court) => onNewCase(world, court) };

export const documentsFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/cases/{id}/documents': onCase,
  'GET /api/v1/cases/{id}/dossier': onCase,
  'GET /api/v1/cases/{id}/dossier/archive': onCase,
  'GET /api/v1/cases/{id}/field-records': onCase,
  'POST /api/v1/cases/{id}/documents': {
    build: async (world, court) => ({
      ...(await onNewCase(world, court)),
      body: { template: 'propertyReportOrder' },
    }),
  },
  'GET /api/v1/documents/{id}/file': {
    build: async (world, court) => {
      const doc = await aDocument(world, court);
      return { params: { id: doc.documentId }, query: { format: 'pdf' }, caseId: doc.caseId };
    },
  },
  'POST /api/v1/documents/{id}/seal': {
    build: async (world, court) => {
      const doc = await aDocument(world, court);
      return { params: { id: doc.documentId }, caseId: doc.caseId };
    },
  },
  'POST /api/v1/documents/{id}/services': {
    build: async (world, court) => {
      const doc = await aDocument(world, court, { sealed: true });
      const facts = await world.caseFacts(doc.caseId);
      const party = facts.respondents[0];
      if (!party) throw new Error('the fixture case has no respondent');
      return {
        params: { id: doc.documentId },
        caseId: doc.caseId,
        body: { partyId: party.id, method: 'postal', trackingNumber: 'EM123456789CN', note: '法院专递' },
      };
    },
  },
  'GET /api/v1/uploads/{id}': {
    build: async (world, court) => {
      const upload = await anUpload(world, court);
      return { params: { id: upload.uploadId }, caseId: upload.caseId };
    },
  },
  'PATCH /api/v1/uploads/{id}': {
    build: async (world, court) => {
      const upload = await anUpload(world, court);
      return {
        params: { id: upload.uploadId },
        caseId: upload.caseId,
        body: { offset: 0, data: upload.content.toString('base64') },
      };
    },
  },
  'GET /api/v1/uploads/{id}/content': {
    build: async (world, court) => {
      const upload = await anUpload(world, court);
      await world.call(
        upload.judge,
        'PATCH',
        `/api/v1/uploads/${upload.uploadId}`,
        { offset: 0, data: upload.content.toString('base64') },
        200,
      );
      return { params: { id: upload.uploadId }, caseId: upload.caseId };
    },
  },
  'POST /api/v1/cases/{id}/uploads': {
    build: async (world, court) => ({
      ...(await onNewCase(world, court)),
      body: { fileName: '现场视频.mp4', mediaType: 'video/mp4', totalBytes: 2_000_000 },
    }),
  },
  'POST /api/v1/cases/{id}/field-records': {
    build: async (world, court) => ({
      ...(await onNewCase(world, court)),
      body: {
        clientKey: randomUUID(),
        capturedAt: new Date(Date.now() - 60_000).toISOString(),
        latitude: 30.27,
        longitude: 120.15,
        accuracyM: 10,
        address: '杭州市西湖区文三路100号',
        note: '现场张贴执行通知书。',
        officerIds: [],
        fileIds: [],
      },
    }),
  },
  'GET /api/v1/public/documents/{id}/verification': {
    build: async (world, court) => {
      const doc = await aDocument(world, court, { sealed: true });
      return { params: { id: doc.documentId } };
    },
  },
  'POST /api/v1/public/documents/verify': {
    build: async (world, court) => {
      const doc = await aDocument(world, court, { sealed: true });
      return { body: { sha256: doc.sha256 } };
    },
  },
  'GET /api/v1/party/cases/{id}/documents': {
    build: async (world, court) => {
      const doc = await aServedDocument(world, court);
      return { params: { id: doc.caseId }, headers: doc.headers };
    },
  },
  'GET /api/v1/party/cases/{id}/documents/{documentId}/file': {
    build: async (world, court) => {
      const doc = await aServedDocument(world, court);
      return {
        params: { id: doc.caseId, documentId: doc.documentId },
        query: { format: 'pdf' },
        headers: doc.headers,
      };
    },
  },
};
