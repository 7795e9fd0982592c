import { App, Button, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import {
  type TEntrustmentListItem,
  useAcceptEntrustment,
  useCompleteEntrustment,
  useEntrustments,
} from '../../api/command.ts';
import { hasAnyRole, useCurrentUser } from '../../app/current-user.tsx';
import { describeError } from '../../components/error-text.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { EntrustmentsTable } from './entrustments-table.tsx';
import { matterKey } from './labels.ts';
import { entrustmentRoles } from './roles.ts';
import { TextModal } from './text-modal.tsx';

type Direction = TEntrustmentListItem['direction'];

/**
 * 委托事项 of a court: matters other courts entrusted to it (受理, then 办结 with the result) and
 * those its cases entrusted elsewhere, with how far they have got.
 */
export function EntrustmentsPanel({ court }: { court?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const list = useEntrustments(court);
  const accept = useAcceptEntrustment();
  const complete = useCompleteEntrustment();
  const [direction, setDirection] = useState<Direction>('incoming');
  const [completing, setCompleting] = useState<TEntrustmentListItem | null>(null);
  const isOfficer = hasAnyRole(user, ...entrustmentRoles);

  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const items = list.data?.items ?? [];
  const count = (d: Direction) => items.filter((e) => e.direction === d).length;
  const waiting = items.filter((e) => e.direction === 'incoming' && e.state !== 'completed').length;

  const handleAccept = (e: TEntrustmentListItem) =>
    accept.mutate(e.id, {
      onSuccess: () => message.success(t('command.entrust.acceptedDone', { caseNumber: e.caseNumber })),
      onError: (error) => message.error(describeError(error, i18n)),
    });

  const actions = (e: TEntrustmentListItem) => {
    if (e.direction !== 'incoming' || !isOfficer) return null;
    if (e.state === 'sent')
      return (
        <Button
          size="small"
          type="primary"
          loading={accept.isPending && accept.variables === e.id}
          onClick={() => handleAccept(e)}
          data-testid={`entrustment-accept-${e.id}`}
        >
          {t('command.entrust.accept')}
        </Button>
      );
    if (e.state === 'accepted')
      return (
        <Button
          size="small"
          type="primary"
          ghost
          onClick={() => setCompleting(e)}
          data-testid={`entrustment-complete-${e.id}`}
        >
          {t('command.entrust.complete')}
        </Button>
      );
    return null;
  };

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented<Direction>
          value={direction}
          onChange={setDirection}
          options={[
            { value: 'incoming', label: `${t('command.entrust.incoming')} (${count('incoming')})` },
            { value: 'outgoing', label: `${t('command.entrust.outgoing')} (${count('outgoing')})` },
          ]}
          data-testid="entrustment-direction"
        />
        <Typography.Text type="secondary">
          {waiting > 0 ? t('command.entrust.waiting', { n: waiting }) : t('command.entrust.hint')}
        </Typography.Text>
      </Flex>
      <EntrustmentsTable<TEntrustmentListItem>
        items={items.filter((e) => e.direction === direction)}
        loading={list.isFetching}
        counterpart={(e) => (e.direction === 'incoming' ? e.fromCourt.name : e.toCourt.name)}
        counterpartTitle={t(
          direction === 'incoming' ? 'command.entrust.fromCourt' : 'command.entrust.toCourtName',
        )}
        canOpenCase={(e) => e.direction === 'outgoing'}
        actions={actions}
      />
      <TextModal
        open={completing !== null}
        title={t('command.entrust.completeTitle', {
          caseNumber: completing?.caseNumber ?? '',
          matter: completing ? t(matterKey(completing.matter)) : '',
        })}
        okText={t('command.entrust.complete')}
        label={t('command.entrust.result')}
        requiredMessage={t('command.entrust.resultRequired')}
        field="result"
        namesLabel={t('command.entrust.receipts')}
        isPending={complete.isPending}
        error={complete.error}
        testId="entrustment-complete-form"
        onClose={() => {
          setCompleting(null);
          complete.reset();
        }}
        onSubmit={(values, handleError) => {
          if (!completing) return;
          complete.mutate(
            {
              entrustmentId: completing.id,
              body: { result: values.text, receipts: values.names.map((name) => ({ name })) },
            },
            {
              onSuccess: () => {
                message.success(t('command.entrust.completedDone', { caseNumber: completing.caseNumber }));
                setCompleting(null);
                complete.reset();
              },
              onError: handleError,
            },
          );
        }}
      >
        {completing ? (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {completing.fromCourt.name}：{completing.details}
          </Typography.Paragraph>
        ) : null}
      </TextModal>
    </>
  );
}
