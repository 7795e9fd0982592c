import { ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { loadCaseAccess, requirePortalUser } from '../disclosure/index.ts';
import {
  ZFileQuerySchema,
  ZIdParamSchema,
  ZPartyDocumentListSchema,
  ZPartyDocumentParamsSchema,
  ZVerificationSchema,
  ZVerifyHashResultSchema,
  ZVerifyHashSchema,
} from './contracts.ts';
import { setFileHeaders } from './routes.ts';
import { listPartyDocuments, openPartyDocument } from './use-cases/party-documents.ts';
import { documentMediaTypes } from './use-cases/read-documents.ts';
import { verifyDocument, verifyHash } from './use-cases/verify-document.ts';

const errors = { 400: ZErrorSchema, 401: ZErrorSchema, 404: ZErrorSchema, 429: ZErrorSchema };
const access = { kind: 'public' } as const;
const verifyRateLimit = { max: 60, timeWindow: '1 minute' };

/**
 * What the public and the parties reach: anyone checks a sealed document's seal; a party opens the
 * documents served on them in the portal (the portal's own credential, checked by each route).
 */
export function registerPublicDocumentRoutes(app: App, opts: { db: Db }): void {
  const { db } = opts;
  app.get(
    '/api/v1/public/documents/:id/verification',
    {
      config: { access, rateLimit: verifyRateLimit },
      schema: {
        tags: ['public'],
        summary:
          '文书验真 / Verify a sealed document by the code at its foot: the court’s signature over its hashes',
        security: [],
        params: ZIdParamSchema,
        response: { 200: ZVerificationSchema, ...errors },
      },
    },
    async (request) => verifyDocument(db, request.params.id),
  );
  app.post(
    '/api/v1/public/documents/verify',
    {
      config: { access, rateLimit: verifyRateLimit },
      schema: {
        tags: ['public'],
        summary: '文件验真 / Whether a file (by its SHA-256) is a sealed document as the court served it',
        security: [],
        body: ZVerifyHashSchema,
        response: { 200: ZVerifyHashResultSchema, ...errors },
      },
    },
    async (request) => verifyHash(db, request.body.sha256),
  );
  app.get(
    '/api/v1/party/cases/:id/documents',
    {
      config: { access },
      schema: {
        tags: ['party'],
        summary: '送达文书 / The documents served on me in this case',
        security: [{ bearer: [] }],
        params: ZIdParamSchema,
        response: { 200: ZPartyDocumentListSchema, ...errors },
      },
    },
    async (request) => {
      const user = await requirePortalUser(db, request);
      return listPartyDocuments(db, await loadCaseAccess(db, user, request.params.id));
    },
  );
  app.get(
    '/api/v1/party/cases/:id/documents/:documentId/file',
    {
      config: { access },
      schema: {
        tags: ['party'],
        summary: '查阅送达文书 / Open a served document (the first opening is the time of receipt)',
        security: [{ bearer: [] }],
        params: ZPartyDocumentParamsSchema,
        querystring: ZFileQuerySchema,
        response: {
          200: {
            description: 'The file',
            content: {
              [documentMediaTypes.docx]: { schema: ZBinaryFile },
              [documentMediaTypes.pdf]: { schema: ZBinaryFile },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const user = await requirePortalUser(db, request);
      const caseAccess = await loadCaseAccess(db, user, request.params.id);
      const file = await openPartyDocument(db, caseAccess, request.params.documentId, request.query.format);
      setFileHeaders(reply, file);
      return reply.send(file.bytes);
    },
  );
}
