import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import {
  type TPetition,
  type TSupervision,
  useCaseCommand,
  useReportOnSupervision,
} from '../../../../api/command.ts';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { EntrustmentsTable } from '../../../command/entrustments-table.tsx';
import { petitionStateColor, petitionStateLabel } from '../../../command/labels.ts';
import { SupervisionsTable } from '../../../command/supervisions-table.tsx';
import { TextModal } from '../../../command/text-modal.tsx';
import { EntrustModal } from './entrust-modal.tsx';

/**
 * 督办与委托 on a case: supervisions opened on it from above (the team reports back here), the
 * matters it entrusted to other courts and what they did, and petitions against it.
 */
export function CommandPanel({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const command = useCaseCommand(detail.id);
  const report = useReportOnSupervision();
  const [reporting, setReporting] = useState<TSupervision | null>(null);
  const [isEntrusting, setEntrusting] = useState(false);
  const isTeam = detail.isTeamMember;

  if (command.isPending) return <PageSpin />;
  if (command.isError) return <QueryError error={command.error} onRetry={() => command.refetch()} />;
  const { supervisions, entrustments, petitions } = command.data;

  return (
    <Flex vertical gap={12} data-testid="case-command">
      <Card
        size="small"
        title={`${t('command.case.supervisions')} (${supervisions.length})`}
        data-testid="case-supervisions"
      >
        <SupervisionsTable
          items={supervisions}
          showCase={false}
          canReport={(s) => isTeam && s.state !== 'closed'}
          onReport={setReporting}
        />
      </Card>
      <Card
        size="small"
        title={`${t('command.case.entrustments')} (${entrustments.length})`}
        data-testid="case-entrustments"
        extra={
          isTeam ? (
            <Button
              size="small"
              type="primary"
              icon={<SendOutlined />}
              onClick={() => setEntrusting(true)}
              data-testid="entrust-button"
            >
              {t('command.entrust.button')}
            </Button>
          ) : null
        }
      >
        <EntrustmentsTable
          items={entrustments}
          showCase={false}
          counterpart={(e) => (e.direction === 'outgoing' ? e.toCourt.name : e.fromCourt.name)}
          counterpartTitle={t('command.entrust.toCourtName')}
          testId="case-entrustments-table"
        />
      </Card>
      <Card
        size="small"
        title={`${t('command.case.petitions')} (${petitions.length})`}
        data-testid="case-petitions"
      >
        <Table<TPetition>
          rowKey="id"
          size="small"
          dataSource={petitions}
          pagination={false}
          locale={{ emptyText: t('command.petition.empty') }}
          columns={[
            {
              key: 'petitioner',
              title: t('command.petition.petitioner'),
              dataIndex: 'petitioner',
              width: 140,
            },
            { key: 'summary', title: t('command.petition.summary'), dataIndex: 'summary' },
            {
              key: 'registeredOn',
              title: t('command.petition.registeredOn'),
              dataIndex: 'registeredOn',
              width: 104,
            },
            {
              key: 'state',
              title: t('command.state'),
              width: 90,
              render: (_, p) => (
                <Tag color={petitionStateColor(p.state)}>{petitionStateLabel(p.state, t)}</Tag>
              ),
            },
            {
              key: 'resolution',
              title: t('command.petition.resolution'),
              render: (_, p) => p.resolution ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      </Card>
      <TextModal
        open={reporting !== null}
        title={t('command.report.title')}
        okText={t('command.report.submit')}
        label={t('command.report.text')}
        requiredMessage={t('command.report.textRequired')}
        field="text"
        isPending={report.isPending}
        error={report.error}
        testId="report-form"
        onClose={() => {
          setReporting(null);
          report.reset();
        }}
        onSubmit={(values, handleError) => {
          if (!reporting) return;
          report.mutate(
            { supervisionId: reporting.id, text: values.text },
            {
              onSuccess: (reported) => {
                message.success(reported.isLate ? t('command.report.doneLate') : t('command.report.done'));
                setReporting(null);
                report.reset();
              },
              onError: handleError,
            },
          );
        }}
      >
        {reporting ? (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {t('command.report.demands', { dueDate: reporting.dueDate })}
            {reporting.demands}
          </Typography.Paragraph>
        ) : null}
      </TextModal>
      <EntrustModal
        caseId={detail.id}
        courtId={detail.court.id}
        open={isEntrusting}
        onClose={() => setEntrusting(false)}
      />
    </Flex>
  );
}
