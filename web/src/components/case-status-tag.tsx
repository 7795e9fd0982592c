import { Tag } from 'antd';
import type { TCaseStatus } from '../../../src/modules/cases/contracts.ts';
import { useI18n } from '../i18n/index.ts';

const colorByStatus: Record<TCaseStatus, string> = {
  filed: 'blue',
  inProgress: 'processing',
  suspended: 'warning',
  closed: 'default',
};

export function CaseStatusTag({ status }: { status: TCaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colorByStatus[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
