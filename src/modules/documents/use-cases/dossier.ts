import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { CaseContext } from '../../cases/index.ts';
import type { TDossier } from '../contracts.ts';
import { type ZipEntry, zipArchive } from '../render/zip.ts';
import { documents, dossierEntries, uploads } from '../tables.ts';
import { listFieldRecords } from './field-records.ts';
import { uploadContent } from './uploads.ts';

/** The case's electronic dossier (电子卷宗): every document version, file and field record, in the order filed. */
export async function readDossier(db: DbOrTx, c: Pick<CaseContext, 'id' | 'caseNumber'>): Promise<TDossier> {
  const rows = await db
    .select()
    .from(dossierEntries)
    .where(eq(dossierEntries.caseId, c.id))
    .orderBy(asc(dossierEntries.seq));
  return {
    caseNumber: c.caseNumber,
    items: rows.map((r) => ({
      seq: r.seq,
      kind: r.kind === 'file' ? 'file' : r.kind === 'fieldRecord' ? 'fieldRecord' : 'document',
      refId: r.refId,
      title: r.title,
      sha256: r.sha256,
      addedAt: r.addedAt.toISOString(),
      addedByName: r.addedByName,
    })),
  };
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 80);
}

/**
 * The dossier as one ZIP: each document as served now (Word and PDF), each file, each field record
 * as JSON, and `manifest.json` listing every entry with its SHA-256 — a draft replaced by its sealed
 * version is listed with its hash, the file served being the sealed one.
 */
export async function exportDossier(db: DbOrTx, c: Pick<CaseContext, 'id' | 'caseNumber'>, exportedAt: Date) {
  const dossier = await readDossier(db, c);
  const entries: ZipEntry[] = [];
  const pad = (n: number) => String(n).padStart(3, '0');
  const docIds = [...new Set(dossier.items.filter((i) => i.kind === 'document').map((i) => i.refId))];
  const docs =
    docIds.length === 0 ? [] : await db.select().from(documents).where(inArray(documents.id, docIds));
  const records = await listFieldRecords(db, c.id);
  const written = new Set<string>();
  let n = 0;
  for (const item of dossier.items) {
    if (written.has(item.refId)) continue;
    written.add(item.refId);
    n++;
    const at = new Date(item.addedAt);
    if (item.kind === 'document') {
      const doc = docs.find((d) => d.id === item.refId);
      if (!doc) continue;
      const base = `${pad(n)}-${safeName(doc.title)}`;
      entries.push({ name: `${base}.docx`, bytes: doc.docx, modifiedAt: at });
      entries.push({ name: `${base}.pdf`, bytes: doc.pdf, modifiedAt: at });
    } else if (item.kind === 'file') {
      const [upload] = await db.select().from(uploads).where(eq(uploads.id, item.refId));
      if (!upload) continue;
      entries.push({
        name: `${pad(n)}-${safeName(upload.fileName)}`,
        bytes: await uploadContent(db, upload.id),
        modifiedAt: at,
      });
    } else {
      const record = records.find((r) => r.id === item.refId);
      if (!record) continue;
      entries.push({
        name: `${pad(n)}-现场执行记录.json`,
        bytes: Buffer.from(JSON.stringify(record, null, 2), 'utf8'),
        modifiedAt: at,
      });
    }
  }
  const manifest = { caseNumber: c.caseNumber, exportedAt: exportedAt.toISOString(), entries: dossier.items };
  entries.push({
    name: 'manifest.json',
    bytes: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'),
    modifiedAt: exportedAt,
  });
  return zipArchive(entries);
}
