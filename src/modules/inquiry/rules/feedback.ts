/**
 * The feedback list (查控财产反馈清单): answers normalised to one row per asset. The same asset can
 * come back through two channels — the national (总对总) and a local (点对点) connection, e.g. a flat
 * from the national registry and from the city's — and the answers may disagree (one is stale, or
 * lists a seal the other does not). Such rows are flagged, so the officer checks before acting.
 */
export type ComparableItem = {
  id: string;
  assetType: string;
  identifier: string;
  institution: string;
  channel: string;
  valueFen: number | null;
  balanceFen: number | null;
  encumbranceCount: number;
};

export type ChannelDifference = { zh: string; en: string; institutions: string[] };

export function findChannelDifferences(items: readonly ComparableItem[]): Map<string, ChannelDifference> {
  const groups = new Map<string, ComparableItem[]>();
  for (const item of items) {
    const key = `${item.assetType}\u0000${item.identifier}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const flagged = new Map<string, ChannelDifference>();
  for (const group of groups.values()) {
    if (new Set(group.map((i) => i.institution)).size < 2) continue;
    const fields: [string, string][] = [];
    if (new Set(group.map((i) => i.valueFen)).size > 1) fields.push(['价值', 'value']);
    if (new Set(group.map((i) => i.balanceFen)).size > 1) fields.push(['余额', 'balance']);
    if (new Set(group.map((i) => i.encumbranceCount)).size > 1) fields.push(['权利负担', 'encumbrances']);
    if (fields.length === 0) continue;
    const institutions = [...new Set(group.map((i) => i.institution))].sort();
    const channels = [...new Set(group.map((i) => i.channel))].sort();
    const across = channels.length > 1 ? '总对总与点对点' : '不同机构';
    const difference = {
      zh: `${across}反馈不一致：${fields.map(([zh]) => zh).join('、')}`,
      en: `${channels.length > 1 ? 'National and local channels' : 'Institutions'} disagree on ${fields.map(([, en]) => en).join(', ')}`,
      institutions,
    };
    for (const item of group) flagged.set(item.id, difference);
  }
  return flagged;
}

export const sortableFields = [
  'answeredAt',
  'valueFen',
  'assetType',
  'institution',
  'respondentName',
] as const;
export type SortField = (typeof sortableFields)[number];
