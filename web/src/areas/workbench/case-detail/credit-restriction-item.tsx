import { Button, Flex, Table, Tag, Typography } from 'antd';
import type {
  TConsumptionRestriction,
  TExitRestrictionView,
  TRestrictedPerson,
} from '../../../../../src/modules/credit/contracts.ts';
import { useI18n } from '../../../i18n/index.ts';
import { CreditLetterButton } from './credit-letter-button.tsx';

/** A consumption restriction order: the behaviours, every person it binds, and lifting. */
export function CreditRestrictionItem({
  restriction,
  canDecide,
  onLift,
  onSpending,
}: {
  restriction: TConsumptionRestriction;
  canDecide: boolean;
  onLift: () => void;
  onSpending: (person: TRestrictedPerson) => void;
}) {
  const { t } = useI18n();
  const isActive = restriction.state === 'active';
  return (
    <div
      data-testid={`credit-restriction-${restriction.state}`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 8 }}
    >
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center" wrap>
          <Tag color={isActive ? 'orange' : 'default'}>
            {t('credit.restrictions')} · {t(`credit.state.${restriction.state}`)}
          </Tag>
          {restriction.isCreditRepair ? <Tag color="green">{t('credit.repair')}</Tag> : null}
          <Typography.Text type="secondary">
            {restriction.orderedOn} · {restriction.orderedBy}
            {restriction.liftedOn ? ` → ${restriction.liftedOn}` : ''}
          </Typography.Text>
        </Flex>
        <Flex gap={4}>
          <CreditLetterButton title={t('credit.orderText')} text={restriction.orderText} />
          {isActive && canDecide ? (
            <Button size="small" onClick={onLift} data-testid="credit-lift">
              {t('credit.lift')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0' }}>
        {t('credit.behaviours')}：
        {restriction.behaviours.length === 9
          ? t('credit.behavioursAll')
          : restriction.behaviours.map((b) => `（${b}）`).join('')}
      </Typography.Paragraph>
      <Table<TRestrictedPerson>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={restriction.subjects}
        columns={[
          { key: 'role', title: t('credit.boundRole'), render: (_, p) => t(`credit.role.${p.role}`) },
          { key: 'name', title: t('credit.personName'), dataIndex: 'name' },
          {
            key: 'id',
            title: t('credit.personId'),
            render: (_, p) => <span className="tabular-nums">{p.idNumber ?? p.creditCode ?? '—'}</span>,
          },
          { key: 'state', title: t('credit.entries.state'), render: (_, p) => t(`credit.state.${p.state}`) },
          {
            key: 'permissions',
            title: t('credit.privateSpending'),
            render: (_, p) =>
              p.permissions.length > 0 ? (
                p.permissions
                  .map((x) => `（${x.behaviours.join('、')}）${x.validFrom}–${x.validUntil}`)
                  .join('；')
              ) : p.role !== 'debtor' && p.state === 'active' && canDecide ? (
                <Button size="small" type="link" onClick={() => onSpending(p)}>
                  {t('credit.privateSpending')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}

export function CreditExitItem({
  exit,
  canDecide,
  onLift,
}: {
  exit: TExitRestrictionView;
  canDecide: boolean;
  onLift: () => void;
}) {
  const { t } = useI18n();
  return (
    <Flex
      justify="space-between"
      align="center"
      wrap
      gap={8}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 8 }}
    >
      <Flex gap={8} align="center" wrap>
        <Tag color={exit.state === 'active' ? 'purple' : 'default'}>
          {t('credit.exits')} · {t(`credit.state.${exit.state}`)}
        </Tag>
        <Typography.Text>
          {exit.name} <span className="tabular-nums">{exit.idNumber}</span>
        </Typography.Text>
        <Typography.Text type="secondary">
          {exit.orderedOn} · {exit.authority}
        </Typography.Text>
      </Flex>
      <Flex gap={4}>
        <CreditLetterButton title={t('credit.exitNotice')} text={exit.noticeText} />
        {exit.state === 'active' && canDecide ? (
          <Button size="small" onClick={onLift}>
            {t('credit.lift')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
