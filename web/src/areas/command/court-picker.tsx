import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { TCourt } from '../../../../src/modules/identity/contracts.ts';
import { useCourts } from '../../api/identity.ts';
import { useI18n } from '../../i18n/index.ts';
import { buildCourtTree, type CourtNode } from '../../lib/court-tree.ts';

type CodeOption = { value: string; title: string; children?: CodeOption[] };

// A detached tribunal shares its court's code and its indicators count in that court's: not pickable.
const isPickable = (court: TCourt) => court.level !== 'detachedTribunal';

function toCodeOptions(nodes: CourtNode[]): CodeOption[] {
  return nodes.filter(isPickable).map((node) => {
    const children = node.children ? toCodeOptions(node.children) : [];
    return {
      value: node.courtCode,
      title: `${node.name}（${node.courtCode}）`,
      ...(children.length > 0 ? { children } : {}),
    };
  });
}

/** The court (by its code, 法院代字) the command centre looks at, among the courts in the user's scope. */
export function CourtPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useI18n();
  const courts = useCourts();
  const treeData = useMemo(() => toCodeOptions(buildCourtTree(courts.data?.items ?? [])), [courts.data]);
  return (
    <TreeSelect
      value={value}
      onChange={(code: string) => onChange(code)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={courts.isPending}
      placeholder={t('admin.court.pick')}
      style={{ width: 260 }}
      popupMatchSelectWidth={false}
      data-testid="command-court"
    />
  );
}

/** Names of the courts in the user's scope by id (the lists send court ids). */
export function useCourtNames(): ReadonlyMap<string, string> {
  const courts = useCourts();
  return useMemo(() => new Map((courts.data?.items ?? []).map((c) => [c.id, c.name])), [courts.data]);
}

/**
 * The courts from the top of the user's scope down to the one with this code: the desk's
 * breadcrumb, so that a drill-down can be walked back up.
 */
export function useCourtChain(code: string): TCourt[] {
  const courts = useCourts();
  return useMemo(() => {
    const items = courts.data?.items ?? [];
    const byId = new Map(items.map((c) => [c.id, c]));
    const start = items.find((c) => c.courtCode === code && isPickable(c));
    const chain: TCourt[] = [];
    for (
      let court = start;
      court && chain.length < 8;
      court = court.parentId ? byId.get(court.parentId) : undefined
    )
      chain.unshift(court);
    return chain;
  }, [courts.data, code]);
}
