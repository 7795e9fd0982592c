import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Tabs, Tag } from 'antd';
import { Link } from 'react-router';
import { type TVisit, useCloseVisit } from '../../api/service.ts';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { MaterialsForm } from './materials-form.tsx';
import { MeetingForm } from './meeting-form.tsx';
import { meetingSlotLabels, visitorRoleLabels, visitPurposeLabels } from './messages.ts';
import { ProgressPanel } from './progress-panel.tsx';
import { useServiceText } from './use-service-text.ts';

/** The visitor at the counter now: what they came for, done in tabs, and the visit closed at the end. */
export function CurrentVisitCard({ visit }: { visit: TVisit | null }) {
  const i18n = useI18n();
  const { pick } = i18n;
  const text = useServiceText();
  const { message } = App.useApp();
  const close = useCloseVisit();

  if (!visit)
    return (
      <Card size="small" title={text('service.current')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text('service.noCurrent')} />
      </Card>
    );
  const isClosed = visit.state === 'closed';
  const hasCase = visit.case !== null;
  const activeKey =
    visit.purpose === 'progress' ? 'progress' : visit.purpose === 'meeting' ? 'meeting' : 'materials';

  return (
    <Card
      size="small"
      title={text('service.current')}
      data-testid="current-visit"
      data-visit-id={visit.id}
      extra={
        <Button
          icon={<CheckCircleOutlined />}
          disabled={isClosed}
          loading={close.isPending}
          onClick={() =>
            close.mutate(visit.id, {
              onSuccess: () => message.success(text('service.closed')),
              onError: (error) => message.error(describeError(error, i18n)),
            })
          }
          data-testid="visit-close"
        >
          {text('service.close')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={text('service.visitor')}>
          {visit.visitor.name}（{pick(visitorRoleLabels[visit.visitor.role])}）
        </Descriptions.Item>
        <Descriptions.Item label={text('service.purpose')}>
          {pick(visitPurposeLabels[visit.purpose])}
        </Descriptions.Item>
        <Descriptions.Item label={text('service.caseNumber')}>
          {visit.case ? (
            <Link to={`/cases/${visit.case.id}`} data-testid="current-visit-case">
              {visit.case.caseNumber}
            </Link>
          ) : (
            text('service.noCase')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={text('service.arrivedAt')}>
          {formatDateTime(visit.arrivedAt)}{' '}
          <Tag color={isClosed ? 'default' : 'success'}>{text(`service.state.${visit.state}`)}</Tag>
        </Descriptions.Item>
        {visit.meetings.map((m) => (
          <Descriptions.Item key={m.id} label={text('service.tab.meeting')}>
            {m.on} {pick(meetingSlotLabels[m.slot])} · {m.judgeName}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {hasCase ? (
        <Tabs
          key={visit.id}
          defaultActiveKey={activeKey}
          items={[
            {
              key: 'materials',
              label: text('service.tab.materials'),
              children: <MaterialsForm visitId={visit.id} disabled={isClosed} />,
            },
            {
              key: 'progress',
              label: text('service.tab.progress'),
              children: <ProgressPanel visitId={visit.id} />,
            },
            {
              key: 'meeting',
              label: text('service.tab.meeting'),
              children: <MeetingForm visitId={visit.id} disabled={isClosed} />,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
