import { Alert, App, Button, Descriptions, Flex, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { addCalendarDays, formatYuan } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { type LotDecision, type TCaseLot, useDecideLot } from '../../../../api/disposal.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { serverToday } from '../../../../lib/server-clock.ts';

export type DecisionKind = LotDecision['kind'];

// practice (DOMAIN §7; the server's rules/auction-rounds.ts): a sale is open for 60 days
const saleWindowDays = 60;

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

/**
 * After a failed round: what the decision will do — the price, the window, to whom — shown before
 * it is made, and made once on OK. The server decides whether it may; its field errors are shown
 * beside the field (the applicant) or above.
 */
export function LotDecisionModal({
  caseId,
  lot,
  kind,
  applicants,
  onClose,
}: {
  caseId: string;
  lot: TCaseLot | null;
  kind: DecisionKind | null;
  applicants: { id: string; name: string }[];
  onClose: () => void;
}) {
  return (
    <Modal
      open={lot !== null && kind !== null}
      title={null}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {lot && kind ? (
        <DecisionForm caseId={caseId} lot={lot} kind={kind} applicants={applicants} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

type Values = { partyId?: string };

function DecisionForm({
  caseId,
  lot,
  kind,
  applicants,
  onClose,
}: {
  caseId: string;
  lot: TCaseLot;
  kind: DecisionKind;
  applicants: { id: string; name: string }[];
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecideLot(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const today = serverToday();
  const price = yuan(lot.startingPriceFen);

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    let decision: LotDecision;
    if (kind === 'transferInLieu') {
      if (!values.partyId) return;
      decision = { kind, partyId: values.partyId };
    } else {
      decision = { kind };
    }
    decide.mutate(
      { lotId: lot.id, decision },
      {
        onSuccess: (answer) => {
          if (answer.state === 'saleOpen') {
            message.success(t('disposal.decide.done.sale', { date: answer.saleEndsOn ?? '—' }));
          } else if (answer.state === 'transferredInLieu') {
            message.success(
              t('disposal.decide.done.transferInLieu', {
                price: yuan(answer.priceFen ?? lot.startingPriceFen),
              }),
            );
          } else {
            message.success(t('disposal.decide.done.release'));
          }
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  const items = [
    ...(kind === 'transferInLieu'
      ? [
          {
            key: 'price',
            label: t('disposal.decide.price'),
            children: t('disposal.decide.priceReserve', { price }),
          },
        ]
      : []),
    ...(kind === 'sale'
      ? [
          {
            key: 'price',
            label: t('disposal.decide.price'),
            children: t('disposal.decide.priceSale', { price }),
          },
          {
            key: 'window',
            label: t('disposal.decide.window'),
            children: t('disposal.decide.windowValue', {
              from: today,
              to: addCalendarDays(today, saleWindowDays),
            }),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="lot-decision" data-kind={kind}>
      <h2 style={{ fontSize: 16, marginTop: 0 }}>{t(`disposal.decide.title.${kind}`, { lot: lot.title })}</h2>
      {items.length > 0 ? (
        <Descriptions size="small" column={1} bordered items={items} style={{ marginBottom: 12 }} />
      ) : null}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t(`disposal.decide.effect.${kind}`)}
        data-testid="lot-decision-effect"
      />
      <ErrorAlert error={decide.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        onValuesChange={() => {
          if (decide.error) decide.reset();
        }}
        initialValues={{ partyId: applicants.length === 1 ? applicants[0]?.id : undefined }}
      >
        {kind === 'transferInLieu' ? (
          <Form.Item
            name="partyId"
            label={t('disposal.decide.to')}
            rules={[{ required: true, message: t('disposal.decide.partyRequired') }]}
            extra={applicants.length === 0 ? t('disposal.decide.noApplicant') : undefined}
          >
            <Select
              data-testid="lot-decision-party"
              placeholder={t('disposal.decide.party')}
              options={applicants.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        ) : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={kind !== 'sale'}
            htmlType="submit"
            loading={decide.isPending}
            disabled={kind === 'transferInLieu' && applicants.length === 0}
            data-testid="lot-decision-submit"
          >
            {t(`disposal.decide.confirm.${kind}`)}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
