import type { FastifyReply } from 'fastify';
import { xlsxMediaType } from '../../kernel/index.ts';

/**
 * Sends a workbook as a download under its own (Chinese) file name: RFC 6266's `filename*`, which
 * browsers decode as UTF-8.
 */
export function sendWorkbook(reply: FastifyReply, file: { fileName: string; buffer: Buffer }) {
  return reply
    .header('content-type', xlsxMediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.buffer);
}
