import { Button, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import type { TCreditEntry, TEntryState } from '../../../../../src/modules/credit/contracts.ts';
import { useI18n } from '../../../i18n/index.ts';
import { CreditLetterButton } from './credit-letter-button.tsx';

export type EntryAction = 'approve' | 'refuse' | 'delist' | 'revoke' | 'correction' | 'decideCorrection';

const stateColor: Record<TEntryState, string> = {
  pendingApproval: 'gold',
  listed: 'red',
  refused: 'default',
  deleted: 'green',
  revoked: 'default',
};

/** One listing: its state and dates, the letters for the dossier, its history, and what may be done next. */
export function CreditEntryItem({
  entry,
  canSign,
  canDecide,
  onAction,
}: {
  entry: TCreditEntry;
  canSign: boolean;
  canDecide: boolean;
  onAction: (action: EntryAction, correctionId?: string) => void;
}) {
  const { t, pick } = useI18n();
  const pending = entry.corrections.find((c) => c.state === 'pending');
  return (
    <div
      className="credit-entry"
      data-testid={`credit-entry-${entry.state}`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 8 }}
    >
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center" wrap>
          <Tag color={stateColor[entry.state]}>{t(`credit.state.${entry.state}`)}</Tag>
          {entry.state === 'listed' ? (
            <Tag color={entry.isPublished ? 'volcano' : 'blue'}>
              {entry.isPublished ? t('credit.published') : t('credit.inGrace')}
            </Tag>
          ) : null}
          {entry.isCreditRepair ? <Tag color="green">{t('credit.repair')}</Tag> : null}
          {entry.isDecisionOverdue ? <Tag color="red">{t('credit.overdue')}</Tag> : null}
          <Typography.Text strong>{pick(entry.groundLabel)}</Typography.Text>
          <Typography.Text type="secondary" className="tabular-nums">
            {entry.reference}
          </Typography.Text>
        </Flex>
        <Flex gap={4} wrap>
          <CreditLetterButton title={t('credit.letter')} text={entry.decisionLetter} />
          <CreditLetterButton title={t('credit.deletionLetter')} text={entry.deletionLetter} />
          {entry.state === 'pendingApproval' && canSign ? (
            <>
              <Button
                size="small"
                type="primary"
                danger
                onClick={() => onAction('approve')}
                data-testid="credit-approve"
              >
                {t('credit.approve')}
              </Button>
              <Button size="small" onClick={() => onAction('refuse')}>
                {t('credit.refuse')}
              </Button>
            </>
          ) : null}
          {entry.state === 'listed' && canDecide ? (
            <>
              <Button size="small" onClick={() => onAction('delist')} data-testid="credit-delist">
                {t('credit.delist')}
              </Button>
              <Button size="small" onClick={() => onAction('revoke')}>
                {t('credit.revoke')}
              </Button>
              {pending ? (
                <Button size="small" type="primary" onClick={() => onAction('decideCorrection', pending.id)}>
                  {t('credit.correction')}
                </Button>
              ) : (
                <Button size="small" onClick={() => onAction('correction')}>
                  {t('credit.correction')}
                </Button>
              )}
            </>
          ) : null}
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'requested',
            label: t('credit.requestedOn'),
            children: `${entry.requestedOn} · ${entry.requestedBy}`,
          },
          {
            key: 'decided',
            label: t('credit.decidedOn'),
            children: entry.decidedOn ? `${entry.decidedOn} · ${entry.approvedBy ?? ''}` : '—',
          },
          { key: 'publish', label: t('credit.publishFrom'), children: entry.publishFrom ?? '—' },
          {
            key: 'expires',
            label: t('credit.expiresOn'),
            children: entry.decidedOn ? (entry.expiresOn ?? t('credit.noTerm')) : '—',
          },
          ...(entry.decisionDueOn && entry.state === 'pendingApproval'
            ? [
                {
                  key: 'due',
                  label: t('credit.initiatedBy.application'),
                  children: t('credit.decisionDueOn', { date: entry.decisionDueOn }),
                },
              ]
            : []),
          ...(entry.deletedOn
            ? [
                {
                  key: 'deleted',
                  label: t('credit.deletedOn'),
                  children: `${entry.deletedOn} · ${pick(entry.deletionLabel)}${entry.deletionDueOn ? ` · ${t('credit.deletionDueOn', { date: entry.deletionDueOn })}` : ''}`,
                },
              ]
            : []),
          { key: 'facts', label: t('credit.facts'), children: entry.facts, span: 3 },
        ]}
      />
      {entry.corrections.map((c) => (
        <Typography.Paragraph key={c.id} type="secondary" style={{ marginBottom: 4 }}>
          {t('credit.correction')}：{t(`credit.correctionGround.${c.ground}`)} · {c.statement} · {c.state}
          {c.state === 'pending' ? ` · ${t('credit.reviewDueOn', { date: c.reviewDueOn })}` : ''}
        </Typography.Paragraph>
      ))}
      <details>
        <summary style={{ cursor: 'pointer', color: '#888' }}>{t('credit.history')}</summary>
        <Timeline
          style={{ marginTop: 12 }}
          items={entry.history.map((h, i) => ({
            key: `${h.action}-${i}`,
            children: `${h.occurredOn} ${h.actor} · ${h.action}${h.reason ? ` · ${h.reason}` : ''}`,
          }))}
        />
      </details>
    </div>
  );
}
