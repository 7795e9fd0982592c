import { EditOutlined, LockOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../../src/kernel/index.ts';
import type { TParty } from '../../../../../src/modules/cases/contracts.ts';
import { MaskedText } from '../../../components/masked-text.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { CorrectPartyModal } from './correct-party-modal.tsx';

type PartyCardProps = {
  party: TParty;
  index: number;
  roleLabel: string;
  onCorrect?: (party: TParty) => void;
};

function PartyCard({ party, index, roleLabel, onCorrect }: PartyCardProps) {
  const { t } = useI18n();
  const items: DescriptionsProps['items'] = [];
  if (party.kind === 'natural') {
    items.push({
      key: 'id',
      label: t('filing.party.idNumber'),
      children: <MaskedText value={party.idNumber} isMasked={party.isMasked} />,
    });
  } else {
    items.push({
      key: 'code',
      label: t('filing.party.creditCode'),
      children: <MaskedText value={party.creditCode} />,
    });
  }
  if (party.kind === 'legal') {
    items.push({
      key: 'rep',
      label: t('filing.party.legalRepresentative'),
      children: party.legalRepresentative || '—',
    });
  }
  items.push(
    {
      key: 'phone',
      label: t('filing.phone'),
      children: <MaskedText value={party.phone} isMasked={party.isMasked} />,
    },
    {
      key: 'address',
      label: t('filing.party.address'),
      children: <MaskedText value={party.address} isMasked={party.isMasked} />,
    },
  );
  for (const [agentIndex, agent] of party.agents.entries()) {
    const details = [t(`agentKind.${agent.kind}`), agent.lawFirm, agent.licenseNumber, agent.phone]
      .filter(Boolean)
      .join(' · ');
    items.push({
      key: `agent-${agentIndex}`,
      label: t('filing.agents'),
      children: `${agent.name}（${details}）`,
    });
  }
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="party-card"
      title={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">
            {roleLabel} {index + 1}
          </Typography.Text>
          <Typography.Text strong>{party.name}</Typography.Text>
          <Tag variant="filled">{t(`partyKind.${party.kind}`)}</Tag>
          {party.isMasked ? <LockOutlined aria-label={t('common.masked')} /> : null}
          {party.liabilityLimitFen !== null ? (
            <Tag color="gold">
              {t('party.liabilityLimit', { amount: formatYuan(party.liabilityLimitFen) })}
            </Tag>
          ) : null}
        </Flex>
      }
      extra={
        onCorrect ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => onCorrect(party)}
            data-testid="correct-party"
          >
            {t('party.correct')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

type PartiesPanelProps = {
  caseId: string;
  applicants: TParty[];
  respondents: TParty[];
  /** The case team may correct the parties' details (the old values are kept). */
  canCorrect: boolean;
};

export function PartiesPanel({ caseId, applicants, respondents, canCorrect }: PartiesPanelProps) {
  const { t } = useI18n();
  const [correcting, setCorrecting] = useState<TParty | null>(null);
  const onCorrect = canCorrect ? setCorrecting : undefined;
  const isAnyMasked = [...applicants, ...respondents].some((party) => party.isMasked);
  return (
    <>
      {isAnyMasked ? (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          title={t('case.maskedNotice')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Typography.Title level={5}>{t('filing.applicants')}</Typography.Title>
      {applicants.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      {applicants.map((party, index) => (
        <PartyCard
          key={party.id}
          party={party}
          index={index}
          roleLabel={t('filing.applicants')}
          onCorrect={onCorrect}
        />
      ))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('filing.respondents')}
      </Typography.Title>
      {respondents.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      {respondents.map((party, index) => (
        <PartyCard
          key={party.id}
          party={party}
          index={index}
          roleLabel={t('filing.respondents')}
          onCorrect={onCorrect}
        />
      ))}
      <CorrectPartyModal caseId={caseId} party={correcting} onClose={() => setCorrecting(null)} />
    </>
  );
}
