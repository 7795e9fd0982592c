import type { TCourt } from '../../../src/modules/identity/contracts.ts';

export type CourtNode = TCourt & { children?: CourtNode[] };

const levelOrder: Record<TCourt['level'], number> = {
  supreme: 0,
  high: 1,
  intermediate: 2,
  basic: 3,
  detachedTribunal: 4,
};

function compareCourts(a: TCourt, b: TCourt): number {
  return levelOrder[a.level] - levelOrder[b.level] || a.courtCode.localeCompare(b.courtCode, 'zh-CN');
}

/**
 * The flat court list as a tree (four levels plus detached tribunals). A court whose parent is
 * not in the list (the user sees only part of the tree) becomes a root.
 */
export function buildCourtTree(courts: TCourt[]): CourtNode[] {
  const byId = new Map<string, CourtNode>(courts.map((court) => [court.id, { ...court }]));
  const roots: CourtNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  const sortDeep = (nodes: CourtNode[]): CourtNode[] =>
    nodes
      .sort(compareCourts)
      .map((node) => (node.children ? { ...node, children: sortDeep(node.children) } : node));
  return sortDeep(roots);
}

export type CourtTreeOption = { value: string; title: string; children?: CourtTreeOption[] };

export function toCourtTreeOptions(nodes: CourtNode[]): CourtTreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.name}（${node.courtCode}）`,
    ...(node.children ? { children: toCourtTreeOptions(node.children) } : {}),
  }));
}
