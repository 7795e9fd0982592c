import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import {
  useCaseInquiries,
  useCaseMeasures,
  useCaseNotices,
  useMarkNoticeRead,
} from '../../../../api/inquiry.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { AssetGraphView } from './asset-graph.tsx';
import { FeedbackTable } from './feedback-table.tsx';
import { LaunchInquiryModal } from './launch-inquiry-modal.tsx';
import { MeasureModal, type MeasureTarget } from './measure-modal.tsx';
import { MeasuresTable } from './measures-table.tsx';
import { RequestsTable } from './requests-table.tsx';

type Section = 'feedback' | 'measures' | 'graph' | 'requests';

/** 财产查控 on the case page: launch, live feedback list, measures with their limits, the clue graph. */
export function InquiryPanel({ detail }: { detail: TCaseDetail }) {
  const { t, pickMessage } = useI18n();
  const [section, setSection] = useState<Section>('feedback');
  const [isLaunching, setIsLaunching] = useState(false);
  const [target, setTarget] = useState<MeasureTarget | null>(null);
  const inquiries = useCaseInquiries(detail.id);
  const measures = useCaseMeasures(detail.id);
  // Prompts to the team: new assets on a 终本 re-query (restore enforcement), measures about to expire.
  const notices = useCaseNotices(detail.id);
  const unread = (notices.data?.items ?? []).filter((n) => !n.isRead);
  const markRead = useMarkNoticeRead(detail.id);
  const latest = inquiries.data?.items[0];
  const counts = latest?.byState ?? {};
  const total = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  const settled = (counts.answered ?? 0) + (counts.failed ?? 0) + (counts.expired ?? 0);
  const isLive = total > 0 && settled < total;
  // A freeze or seal awaiting the institution's answer changes what is still available: the
  // feedback refreshes while one is out and once more when the last is answered.
  const isMeasureOut = measures.data?.items.some((m) => m.state === 'requested') ?? false;
  const canAct = detail.isTeamMember;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={16} style={{ minWidth: 'min(320px, 100%)', flex: 1 }}>
          {latest ? (
            <div style={{ flex: 1, maxWidth: 520 }} data-testid="inquiry-progress">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inquiry.progress')} · {formatDateTime(latest.createdAt)} ·{' '}
                {t('batch.progress', {
                  total,
                  answered: counts.answered ?? 0,
                  open: total - settled,
                  failed: counts.failed ?? 0,
                  expired: counts.expired ?? 0,
                })}
              </Typography.Text>
              <Progress
                percent={total === 0 ? 0 : Math.round((settled / total) * 100)}
                success={{ percent: total === 0 ? 0 : Math.round(((counts.answered ?? 0) / total) * 100) }}
                status={isLive ? 'active' : 'normal'}
                size="small"
              />
            </div>
          ) : null}
        </Flex>
        {canAct ? (
          <Button
            type="primary"
            icon={<SearchOutlined />}
            onClick={() => setIsLaunching(true)}
            data-testid="launch-inquiry"
          >
            {t('inquiry.launch')}
          </Button>
        ) : null}
      </Flex>
      {canAct ? null : <Alert type="info" showIcon title={t('inquiry.masked')} />}
      {unread.map((n) => (
        <Alert
          key={n.id}
          type={n.kind === 'newAssets' ? 'success' : 'warning'}
          showIcon
          title={n.title}
          description={pickMessage(n.body)}
          closable
          onClose={() => markRead.mutate(n.id)}
          data-testid={`notice-${n.kind}`}
        />
      ))}
      {/* On a phone the sections scroll sideways rather than widen the page. */}
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented<Section>
          value={section}
          onChange={setSection}
          options={[
            { value: 'feedback', label: t('inquiry.section.feedback') },
            {
              value: 'measures',
              label: `${t('inquiry.section.measures')} (${measures.data?.items.length ?? 0})`,
            },
            { value: 'graph', label: t('inquiry.section.graph') },
            { value: 'requests', label: t('inquiry.section.requests') },
          ]}
        />
      </div>
      <Card size="small" variant="borderless" styles={{ body: { padding: 0 } }}>
        {section === 'feedback' ? (
          <FeedbackTable
            caseId={detail.id}
            isLive={isLive || isMeasureOut}
            canAct={canAct}
            measures={measures.data}
            onMeasure={setTarget}
          />
        ) : null}
        {section === 'measures' ? (
          <MeasuresTable
            measures={measures.data}
            isLoading={measures.isPending}
            canAct={canAct}
            onMeasure={setTarget}
          />
        ) : null}
        {section === 'graph' ? <AssetGraphView caseId={detail.id} /> : null}
        {section === 'requests' ? (
          <RequestsTable caseId={detail.id} data={inquiries.data} canAct={canAct} />
        ) : null}
      </Card>
      <LaunchInquiryModal caseId={detail.id} isOpen={isLaunching} onClose={() => setIsLaunching(false)} />
      <MeasureModal caseId={detail.id} target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
