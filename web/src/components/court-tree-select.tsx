import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useCourts } from '../api/identity.ts';
import { useI18n } from '../i18n/index.ts';
import { buildCourtTree, toCourtTreeOptions } from '../lib/court-tree.ts';

type CourtTreeSelectProps = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
  'data-testid'?: string;
};

/** Pick a court from the court tree; usable as an antd Form control (value / onChange). */
export function CourtTreeSelect({
  id,
  value,
  onChange,
  allowClear,
  placeholder,
  style,
  disabled,
  ...rest
}: CourtTreeSelectProps) {
  const { t } = useI18n();
  const courts = useCourts();
  const treeData = useMemo(() => toCourtTreeOptions(buildCourtTree(courts.data?.items ?? [])), [courts.data]);
  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      loading={courts.isPending}
      disabled={disabled}
      placeholder={placeholder ?? t('admin.court.pick')}
      style={{ minWidth: 260, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
