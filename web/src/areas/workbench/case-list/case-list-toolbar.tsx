import { Button, Flex, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { caseTypes } from '../../../../../src/kernel/index.ts';
import { type CaseListParams, caseStatuses } from '../../../api/cases.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useCaseTypeLabel } from '../code-labels.ts';
import { type CaseListPatch, hasActiveFilters } from './case-list-params.ts';

type CaseListToolbarProps = {
  params: CaseListParams;
  onChange: (patch: CaseListPatch) => void;
  /** Team members switch between their own cases and the court's; others see the scope only. */
  hasOwnCases: boolean;
  courtLabel: string;
};

export function CaseListToolbar({ params, onChange, hasOwnCases, courtLabel }: CaseListToolbarProps) {
  const { t } = useI18n();
  const caseTypeLabel = useCaseTypeLabel();
  const [query, setQuery] = useState(params.q ?? '');

  // Keep the box in step when the URL changes underneath it (Back, reset).
  useEffect(() => setQuery(params.q ?? ''), [params.q]);

  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      {hasOwnCases || params.mine ? (
        <Segmented<'mine' | 'court'>
          data-testid="case-scope"
          value={params.mine ? 'mine' : 'court'}
          options={[
            { label: t('workbench.scopeMine'), value: 'mine' },
            { label: courtLabel, value: 'court' },
          ]}
          onChange={(value) => onChange({ mine: value === 'mine' ? 'true' : 'false' })}
        />
      ) : null}
      <Select
        data-testid="case-status-filter"
        aria-label={t('workbench.column.status')}
        allowClear
        placeholder={t('workbench.allStatuses')}
        style={{ width: 140 }}
        value={params.status}
        options={caseStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        onChange={(value) => onChange({ status: value ?? '' })}
      />
      <Select
        data-testid="case-type-filter"
        aria-label={t('workbench.caseType')}
        allowClear
        placeholder={t('workbench.allCaseTypes')}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        value={params.caseType}
        options={caseTypes.map((caseType) => ({ value: caseType, label: caseTypeLabel(caseType) }))}
        onChange={(value) => onChange({ caseType: value ?? '' })}
      />
      <Input.Search
        data-testid="case-search"
        aria-label={t('workbench.searchPlaceholder')}
        placeholder={t('workbench.searchPlaceholder')}
        allowClear
        style={{ width: 300 }}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        enterButton
      />
      {hasActiveFilters(params) ? (
        <Button type="link" onClick={() => onChange({ status: '', caseType: '', q: '' })}>
          {t('workbench.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
