import { Card, Descriptions } from 'antd';
import type { TPartyCase } from '../../../api/party.ts';
import { MoneyText } from '../../../components/money-text.tsx';
import { useI18n } from '../../../i18n/index.ts';

/** The case at a glance, and whom to contact: the judge, the assistant, the court's channel. */
export function CaseSummaryCard({ detail }: { detail: TPartyCase }) {
  const { t, pickMessage } = useI18n();
  const { team } = detail;
  const roleText = (role: string) =>
    role === 'applicant' || role === 'respondent' ? t(`my.role.${role}`) : role;
  return (
    <Card size="small" data-testid="my-case-summary">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'court', label: t('my.case.court'), children: detail.court },
          {
            key: 'filed',
            label: t('my.case.filedOn'),
            children: <span className="tabular-nums">{detail.filedOn}</span>,
          },
          { key: 'claim', label: t('my.case.claim'), children: <MoneyText fen={detail.claimFen} /> },
          {
            key: 'basis',
            label: t('my.case.basis'),
            children: `${detail.basis.documentNumber}（${detail.basis.issuedBy}）`,
          },
          {
            key: 'parties',
            label: t('my.case.parties'),
            children: detail.parties.map((party) => `${roleText(party.role)}：${party.name}`).join('；'),
          },
          { key: 'judge', label: t('my.team.judge'), children: team.judge ?? t('my.team.vacant') },
          {
            key: 'assistant',
            label: t('my.team.assistant'),
            children: team.assistant ?? t('my.team.vacant'),
          },
          {
            key: 'contact',
            label: t('my.team.contact'),
            children: <span data-testid="my-team-contact">{pickMessage(team.contact)}</span>,
          },
        ]}
      />
    </Card>
  );
}
