import type { FastifyReply } from 'fastify';
import { ZBinaryFile } from '../../kernel/index.ts';
import { clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { loadCaseContext } from '../cases/index.ts';
import { requireActor } from '../identity/index.ts';
import {
  ZCreatedSchema,
  ZDocumentListSchema,
  ZDossierSchema,
  ZFileQuerySchema,
  ZIdParamSchema,
  ZIssueDocumentSchema,
  ZIssuedDocumentSchema,
  ZSealedDocumentSchema,
  ZServeDocumentSchema,
} from './contracts.ts';
import { exportDossier, readDossier } from './use-cases/dossier.ts';
import { issueDocument } from './use-cases/issue-document.ts';
import {
  documentFile,
  documentMediaTypes,
  listCaseDocuments,
  loadDocument,
} from './use-cases/read-documents.ts';
import { sealDocument } from './use-cases/seal-document.ts';
import { serveDocument } from './use-cases/serve-document.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
};
const tags = ['documents'];

/** Headers of a file answer: a download the browser will not sniff or run. */
export function setFileHeaders(
  reply: FastifyReply,
  file: { contentType: string; fileName: string },
  disposition: 'inline' | 'attachment' = 'attachment',
): void {
  reply.header('content-type', file.contentType);
  reply.header(
    'content-disposition',
    `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox");
  reply.header('cache-control', 'private, no-store');
}

/**
 * A case's documents: issued from templates, sealed by the judge, served on the parties; the
 * electronic dossier and its export.
 */
export function registerDocumentRoutes(app: App, opts: { db: Db; sealPassphrase: string }): void {
  const { db } = opts;
  app.post(
    '/api/v1/cases/:id/documents',
    {
      config: { access: { kind: 'case', seats: ['judge', 'assistant', 'clerk'] } },
      schema: {
        tags,
        summary: '制作文书 / Issue a document of the case from its template (Word and PDF)',
        params: ZIdParamSchema,
        body: ZIssueDocumentSchema,
        response: { 201: ZIssuedDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const issued = await issueDocument(db, requireActor(request), request.params.id, request.body);
      return reply.code(201).send(issued);
    },
  );
  app.get(
    '/api/v1/cases/:id/documents',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案文书 / The case’s documents, with their hashes, seals and service',
        params: ZIdParamSchema,
        response: { 200: ZDocumentListSchema, ...errors },
      },
    },
    async (request) => {
      const c = await loadCaseContext(db, requireActor(request), request.params.id);
      return listCaseDocuments(db, c.id);
    },
  );
  app.get(
    '/api/v1/documents/:id/file',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '下载文书 / The document as Word (docx) or PDF, exactly as its hash records',
        params: ZIdParamSchema,
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
      const { doc } = await loadDocument(db, requireActor(request), request.params.id);
      const file = documentFile(doc, request.query.format);
      setFileHeaders(reply, file);
      return reply.send(file.bytes);
    },
  );
  app.post(
    '/api/v1/documents/:id/seal',
    {
      config: { access: { kind: 'case', seats: ['judge'], courtRoles: ['courtLeader'] } },
      schema: {
        tags,
        summary: '加盖院印 / Seal the document with the court’s seal and signature',
        params: ZIdParamSchema,
        response: { 200: ZSealedDocumentSchema, ...errors },
      },
    },
    async (request) =>
      sealDocument(db, requireActor(request), request.params.id, { passphrase: opts.sealPassphrase }),
  );
  app.post(
    '/api/v1/documents/:id/services',
    {
      config: { access: { kind: 'case', seats: ['judge', 'assistant', 'bailiff', 'clerk'] } },
      schema: {
        tags,
        summary: '送达 / Record the service of a sealed document on a party (electronic or postal)',
        params: ZIdParamSchema,
        body: ZServeDocumentSchema,
        response: { 201: ZCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const served = await serveDocument(db, requireActor(request), request.params.id, request.body);
      return reply.code(201).send(served);
    },
  );
  app.get(
    '/api/v1/cases/:id/dossier',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '电子卷宗 / The electronic dossier: every document, file and field record with its SHA-256',
        params: ZIdParamSchema,
        response: { 200: ZDossierSchema, ...errors },
      },
    },
    async (request) => {
      const c = await loadCaseContext(db, requireActor(request), request.params.id);
      return readDossier(db, c);
    },
  );
  app.get(
    '/api/v1/cases/:id/dossier/archive',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '导出电子卷宗 / The dossier as one ZIP with a manifest of hashes',
        params: ZIdParamSchema,
        response: {
          200: { description: 'A ZIP archive', content: { 'application/zip': { schema: ZBinaryFile } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const c = await loadCaseContext(db, requireActor(request), request.params.id);
      const bytes = await exportDossier(db, c, clock.now());
      const fileName = `${c.caseNumber}-电子卷宗.zip`;
      setFileHeaders(reply, { contentType: 'application/zip', fileName });
      return reply.send(bytes);
    },
  );
}
