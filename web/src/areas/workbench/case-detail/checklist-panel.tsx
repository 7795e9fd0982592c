import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Empty, Flex, Progress, Typography } from 'antd';
import type { TCaseDetail } from '../../../../../src/modules/cases/contracts.ts';
import { useI18n } from '../../../i18n/index.ts';

type ChecklistItem = TCaseDetail['terminationChecklist'][number];

export function ChecklistItems({ items }: { items: ChecklistItem[] }) {
  const { pick } = useI18n();
  return (
    <Flex vertical gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <Flex key={item.item} component="li" gap={8} align="flex-start" data-satisfied={item.satisfied}>
          {item.satisfied ? (
            <CheckCircleFilled style={{ color: 'var(--ant-color-success)', marginTop: 4 }} />
          ) : (
            <CloseCircleFilled style={{ color: 'var(--ant-color-error)', marginTop: 4 }} />
          )}
          <Typography.Text type={item.satisfied ? undefined : 'danger'}>
            {pick(item.label) || item.item}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** 终本条件: the conditions of 终本规定 art. 1, each met or not. */
export function ChecklistPanel({ items }: { items: ChecklistItem[] }) {
  const { t } = useI18n();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.checklist.empty')} />;
  const satisfied = items.filter((item) => item.satisfied).length;
  const isComplete = satisfied === items.length;
  return (
    <Flex vertical gap={16} data-testid="termination-checklist">
      <Alert
        type={isComplete ? 'success' : 'warning'}
        showIcon
        title={isComplete ? t('case.checklist.allMet') : t('case.checklist.someUnmet')}
        description={t('case.checklist.source')}
      />
      <Flex align="center" gap={12}>
        <Progress type="circle" size={48} percent={Math.round((satisfied / items.length) * 100)} />
        <Typography.Text>{t('case.checklist.count', { satisfied, total: items.length })}</Typography.Text>
      </Flex>
      <ChecklistItems items={items} />
    </Flex>
  );
}
