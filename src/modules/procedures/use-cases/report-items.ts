import { type ReportedItem, reportItemKinds } from '../rules/property-report.ts';
import type { StoredReportItem } from '../tables.ts';

/** A stored item as the rules read it; one of a kind this release does not know is left out. */
export function reportItem(stored: StoredReportItem): ReportedItem | null {
  const kind = reportItemKinds.find((k) => k === stored.kind);
  if (kind === undefined) return null;
  return { ...stored, kind };
}

export function reportItems(stored: readonly StoredReportItem[]): ReportedItem[] {
  return stored.flatMap((s) => {
    const item = reportItem(s);
    return item ? [item] : [];
  });
}
