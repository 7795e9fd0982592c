import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { CaseStatusTag } from '../../../components/case-status-tag.tsx';
import { DeadlineTag } from '../../../components/deadline-tag.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { type FieldCaseCard, firstAddress } from '../field-case.ts';
import { useFieldCase } from '../field-queries.ts';
import { useFieldText } from '../use-field-text.ts';

/** One of the officer's cases: number, respondents, the address to go to, and the next deadline. */
export function FieldCaseCardView({ item }: { item: FieldCaseCard }) {
  const text = useFieldText();
  const { pick } = useI18n();
  // The address is on the case page's answer; it is kept on the device for offline use too.
  const detail = useFieldCase(item.id);
  const address = detail.data ? firstAddress(detail.data.value) : '';
  return (
    <Card size="small" data-testid="field-case-card" data-case-id={item.id}>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
        <Link
          to={`/field/cases/${item.id}`}
          className="tabular-nums"
          style={{ fontSize: 16, fontWeight: 600 }}
          data-testid="field-case-link"
        >
          {item.caseNumber}
          <RightOutlined aria-hidden style={{ fontSize: 12, marginInlineStart: 6 }} />
        </Link>
        <CaseStatusTag status={item.status} />
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text>
          <Typography.Text type="secondary">
            {text('field.card.respondents')}
            {text('field.colon')}
          </Typography.Text>
          {item.respondentNames.join('、')}
        </Typography.Text>
        <Flex gap={6} align="baseline">
          <EnvironmentOutlined aria-label={text('field.card.address')} style={{ color: '#4a5a70' }} />
          {detail.isPending ? (
            <Skeleton.Input active size="small" style={{ width: 200 }} />
          ) : (
            <Typography.Text data-testid="field-card-address" type={address ? undefined : 'secondary'}>
              {address || text('field.card.noAddress')}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={6} align="center" wrap>
          <Typography.Text type="secondary">
            {text('field.card.deadline')}
            {text('field.colon')}
          </Typography.Text>
          {item.nextDeadline ? (
            <>
              <Typography.Text>{pick(item.nextDeadline.label)}</Typography.Text>
              <DeadlineTag
                daysLeft={item.nextDeadline.daysLeft}
                unit="workingDays"
                dueOn={item.nextDeadline.dueOn}
              />
            </>
          ) : (
            <Typography.Text type="secondary">{text('field.card.noDeadline')}</Typography.Text>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
