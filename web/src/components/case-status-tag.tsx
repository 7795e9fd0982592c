import { Tag } from 'antd';
import type { CaseStatus } from '../api/cases.ts';
import { useI18n } from '../i18n/index.ts';

const colorByStatus: Record<CaseStatus, string> = {
  filed: 'blue',
  inProgress: 'processing',
  suspended: 'warning',
  closed: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colorByStatus[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
