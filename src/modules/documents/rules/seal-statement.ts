/**
 * What a court's signature covers when it seals a document: the document, the court, the number
 * and the SHA-256 of both files as served. One line per field, UTF-8, so anyone can rebuild it from
 * the public verification answer and check the signature with the court's public key.
 */
export type SealStatementFields = {
  documentId: string;
  courtId: string;
  courtName: string;
  number: string;
  sha256: string;
  pdfSha256: string;
  sealedAt: string;
};

export function sealStatement(f: SealStatementFields): string {
  return [
    'zhixing-seal/v1',
    `document:${f.documentId}`,
    `court:${f.courtId} ${f.courtName}`,
    `number:${f.number}`,
    `docx-sha256:${f.sha256}`,
    `pdf-sha256:${f.pdfSha256}`,
    `sealed-at:${f.sealedAt}`,
  ].join('\n');
}
