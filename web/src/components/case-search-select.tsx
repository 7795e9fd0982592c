import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TCaseListItem } from '../../../src/modules/cases/contracts.ts';
import { useCaseList } from '../api/cases.ts';
import { useI18n } from '../i18n/index.ts';

type CaseSearchSelectProps = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The chosen case as the list showed it (its number for a message afterwards). */
  onPick?: (item: TCaseListItem | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
};

const searchDelayMs = 300;

/**
 * Find a case by number or party name (the case list's own search, `GET /api/v1/cases?q=`) and
 * pick it; usable as an antd Form control (value / onChange).
 */
export function CaseSearchSelect({
  id,
  value,
  onChange,
  onPick,
  placeholder,
  ...rest
}: CaseSearchSelectProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), searchDelayMs);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const list = useCaseList({ mine: false, q, sort: 'deadline', page: 1, pageSize: 20 });
  const [picked, setPicked] = useState<TCaseListItem | undefined>(undefined);
  const found = list.data?.items ?? [];
  // The chosen case stays among the options while the officer searches on.
  const items =
    picked && value === picked.id && !found.some((i) => i.id === picked.id) ? [picked, ...found] : found;

  return (
    <Select
      id={id}
      value={value}
      allowClear
      placeholder={placeholder}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      notFoundContent={list.isFetching ? t('common.loading') : t('workbench.emptyFiltered')}
      onChange={(next: string | undefined) => {
        const item = items.find((i) => i.id === next);
        setPicked(item);
        onChange?.(next);
        onPick?.(item);
      }}
      options={items.map((item) => ({
        value: item.id,
        label: (
          <span>
            <span className="tabular-nums">{item.caseNumber}</span>{' '}
            <Typography.Text type="secondary">
              {item.applicantNames.join('、')} / {item.respondentNames.join('、')}
            </Typography.Text>
          </span>
        ),
      }))}
      data-testid={rest['data-testid']}
    />
  );
}
