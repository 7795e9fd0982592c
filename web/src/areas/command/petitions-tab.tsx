import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type TPetition, useConcludePetition, usePetitions } from '../../api/command.ts';
import { hasAnyRole, useCurrentUser } from '../../app/current-user.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { petitionStateColor, petitionStateLabel } from './labels.ts';
import { RegisterPetitionModal } from './register-petition-modal.tsx';
import { TextModal } from './text-modal.tsx';

/**
 * 信访: petitions on the court's cases and those below it. The case's court leader or a command
 * centre above it registers one against a case and concludes it with a resolution; each counts in
 * 执行信访案件办结率 from the day it is registered.
 */
export function PetitionsTab({ court }: { court: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const list = usePetitions(court);
  const conclude = useConcludePetition();
  const [isRegistering, setRegistering] = useState(false);
  const [concluding, setConcluding] = useState<TPetition | null>(null);
  // The server decides whether the case is theirs to handle (own court's leader, or a centre above).
  const mayHandle = hasAnyRole(user, 'courtLeader', 'commandCentre');
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const items = list.data?.items ?? [];
  const open = items.filter((p) => p.state === 'open').length;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('command.petition.summaryLine', { total: items.length, open })}
        </Typography.Text>
        {mayHandle ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="petition-register"
          >
            {t('command.petition.register')}
          </Button>
        ) : null}
      </Flex>
      <Table<TPetition>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        scroll={{ x: 1000 }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('command.petition.empty') }}
        expandable={{
          rowExpandable: (p) => p.resolution !== null,
          expandedRowRender: (p) => (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">{t('command.petition.resolution')}：</Typography.Text>
              {p.resolution}
            </Typography.Paragraph>
          ),
        }}
        data-testid="petitions-table"
        columns={[
          {
            key: 'case',
            title: t('command.caseNumber'),
            width: 200,
            render: (_, p) => (
              <Link to={`/cases/${p.caseId}?tab=command`} className="tabular-nums">
                {p.caseNumber}
              </Link>
            ),
          },
          {
            key: 'petitioner',
            title: t('command.petition.petitioner'),
            dataIndex: 'petitioner',
            width: 140,
            ellipsis: true,
          },
          { key: 'summary', title: t('command.petition.summary'), dataIndex: 'summary', ellipsis: true },
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
              <Tag color={petitionStateColor(p.state)} data-testid="petition-state" data-state={p.state}>
                {petitionStateLabel(p.state, t)}
              </Tag>
            ),
          },
          {
            key: 'concludedOn',
            title: t('command.petition.concludedOn'),
            width: 104,
            render: (_, p) => p.concludedOn ?? '—',
          },
          ...(mayHandle
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 90,
                  fixed: 'right' as const,
                  render: (_: unknown, p: TPetition) =>
                    p.state === 'open' ? (
                      <Button
                        size="small"
                        type="primary"
                        ghost
                        onClick={() => setConcluding(p)}
                        data-testid={`petition-conclude-${p.id}`}
                      >
                        {t('command.petition.conclude')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <RegisterPetitionModal open={isRegistering} onClose={() => setRegistering(false)} />
      <TextModal
        open={concluding !== null}
        title={t('command.petition.concludeTitle', { caseNumber: concluding?.caseNumber ?? '' })}
        okText={t('command.petition.conclude')}
        label={t('command.petition.resolution')}
        requiredMessage={t('command.petition.resolutionRequired')}
        field="resolution"
        isPending={conclude.isPending}
        error={conclude.error}
        testId="petition-conclude-form"
        onClose={() => {
          setConcluding(null);
          conclude.reset();
        }}
        onSubmit={(values, handleError) => {
          if (!concluding) return;
          conclude.mutate(
            { petitionId: concluding.id, resolution: values.text },
            {
              onSuccess: () => {
                message.success(t('command.petition.concluded', { caseNumber: concluding.caseNumber }));
                setConcluding(null);
                conclude.reset();
              },
              onError: handleError,
            },
          );
        }}
      >
        {concluding ? (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {concluding.petitioner}：{concluding.summary}
          </Typography.Paragraph>
        ) : null}
      </TextModal>
    </>
  );
}
