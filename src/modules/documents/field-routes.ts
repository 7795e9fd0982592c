import { ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { loadCaseContext } from '../cases/index.ts';
import { requireActor } from '../identity/index.ts';
import {
  uploadMediaTypes,
  ZFieldRecordInputSchema,
  ZFieldRecordListSchema,
  ZFieldRecordSchema,
  ZIdParamSchema,
  ZStartUploadSchema,
  ZUploadChunkSchema,
  ZUploadSchema,
} from './contracts.ts';
import { setFileHeaders } from './routes.ts';
import { listFieldRecords, recordFieldWork } from './use-cases/field-records.ts';
import { appendChunk, readUpload, readUploadContent, startUpload } from './use-cases/uploads.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
};
const tags = ['field'];
const team = { kind: 'case', seats: ['judge', 'assistant', 'bailiff', 'clerk'] } as const;

/** Field work (移动执行): resumable uploads of photos and videos, and the on-site records that cite them. */
export function registerFieldRoutes(app: App, opts: { db: Db }): void {
  const { db } = opts;
  app.post(
    '/api/v1/cases/:id/uploads',
    {
      config: { access: team },
      schema: {
        tags,
        summary: '开始上传 / Start a resumable upload of a photo, video or scan to the case',
        params: ZIdParamSchema,
        body: ZStartUploadSchema,
        response: { 201: ZUploadSchema, ...errors },
      },
    },
    async (request, reply) => {
      const upload = await startUpload(db, requireActor(request), request.params.id, request.body);
      return reply.code(201).send(upload);
    },
  );
  app.get(
    '/api/v1/uploads/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '上传进度 / How much of the upload has arrived (to resume from)',
        params: ZIdParamSchema,
        response: { 200: ZUploadSchema, ...errors },
      },
    },
    async (request) => readUpload(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/v1/uploads/:id',
    {
      config: { access: team },
      schema: {
        tags,
        summary: '续传 / Append the next piece (base64, at most 512 KiB) at the offset received so far',
        params: ZIdParamSchema,
        body: ZUploadChunkSchema,
        response: { 200: ZUploadSchema, ...errors },
      },
    },
    async (request) => appendChunk(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/uploads/:id/content',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '文件内容 / The uploaded file',
        params: ZIdParamSchema,
        response: {
          200: {
            description: 'The file as uploaded',
            content: Object.fromEntries(uploadMediaTypes.map((t) => [t, { schema: ZBinaryFile }])),
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await readUploadContent(db, requireActor(request), request.params.id);
      setFileHeaders(reply, file, 'inline');
      return reply.send(file.bytes);
    },
  );
  app.post(
    '/api/v1/cases/:id/field-records',
    {
      config: { access: team },
      schema: {
        tags,
        summary: '现场执行记录 / Record field work: time, position, what was found, officers, photos',
        params: ZIdParamSchema,
        body: ZFieldRecordInputSchema,
        response: { 201: ZFieldRecordSchema, ...errors },
      },
    },
    async (request, reply) => {
      const record = await recordFieldWork(db, requireActor(request), request.params.id, request.body);
      return reply.code(201).send(record);
    },
  );
  app.get(
    '/api/v1/cases/:id/field-records',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '现场执行记录 / The case’s field records',
        params: ZIdParamSchema,
        response: { 200: ZFieldRecordListSchema, ...errors },
      },
    },
    async (request) => {
      const c = await loadCaseContext(db, requireActor(request), request.params.id);
      return { items: await listFieldRecords(db, c.id) };
    },
  );
}
