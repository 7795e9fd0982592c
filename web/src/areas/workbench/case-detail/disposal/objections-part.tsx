import { Alert, App, Button, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import {
  type TObjection,
  type TValuation,
  useDecideObjection,
  useLodgeObjection,
} from '../../../../api/disposal.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { serverToday } from '../../../../lib/server-clock.ts';
import { objectionStateKey } from './labels.ts';

type Party = { id: string; name: string };
type Decision = 'upheld' | 'dismissed';

const objectionColor: Record<TObjection['state'], string> = {
  pending: 'gold',
  upheld: 'red',
  dismissed: 'default',
};

/**
 * 异议 to an online inquiry's reports (参考价规定 2018 art. 22; DOMAIN §6): the team lodges one for a
 * party (or itself) within 5 days; the case judge or a court leader upholds it — the report is set
 * aside and the price worked out again — or dismisses it. The server decides who may and when.
 */
export function ObjectionsPart({
  valuation,
  canAct,
  canDecide,
  parties,
}: {
  valuation: TValuation;
  canAct: boolean;
  canDecide: boolean;
  parties: Party[];
}) {
  const { t, pickMessage } = useI18n();
  const [lodging, setLodging] = useState(false);
  const [deciding, setDeciding] = useState<{ objection: TObjection; decision: Decision } | null>(null);
  const v = valuation;
  const platformName = (code: string | null) =>
    code ? pickMessage(v.reports.find((r) => r.platform === code)?.platformName ?? code) : '';
  const partyName = (id: string | null) =>
    id ? (parties.find((p) => p.id === id)?.name ?? '—') : t('disposal.objection.byTeam');
  const canLodge =
    canAct &&
    v.method === 'onlineInquiry' &&
    v.state === 'priced' &&
    v.objectionDueOn !== null &&
    serverToday() <= v.objectionDueOn &&
    v.reports.some((r) => r.onTime && !r.isExcluded);
  if (v.objections.length === 0 && !canLodge) return null;

  return (
    <Flex vertical gap={6} data-testid="valuation-objections">
      <Flex gap={8} align="center">
        <Typography.Text strong>{t('disposal.objections')}</Typography.Text>
        {canLodge ? (
          <Button size="small" onClick={() => setLodging(true)} data-testid="objection-lodge">
            {t('disposal.objection.lodge')}
          </Button>
        ) : null}
      </Flex>
      {v.objections.map((o) => (
        <Flex
          key={o.id}
          vertical
          gap={2}
          data-testid="valuation-objection"
          data-state={o.state}
          style={{ borderInlineStart: '3px solid #f0f0f0', paddingInlineStart: 8 }}
        >
          <Typography.Text>
            <Tag color={objectionColor[o.state]}>{t(objectionStateKey(o.state))}</Tag>
            {o.platform ? `${platformName(o.platform)} · ` : ''}
            {partyName(o.partyId)} · {t('disposal.objection.lodgedOn', { date: o.lodgedOn })}
          </Typography.Text>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</Typography.Text>
          {o.decidedOn ? (
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {t('disposal.objection.decidedOn', { date: o.decidedOn, reason: o.decisionReason ?? '' })}
            </Typography.Text>
          ) : null}
          {canDecide && o.state === 'pending' ? (
            <Flex gap={8}>
              <Button
                size="small"
                danger
                onClick={() => setDeciding({ objection: o, decision: 'upheld' })}
                data-testid="objection-uphold"
              >
                {t('disposal.objection.uphold')}
              </Button>
              <Button
                size="small"
                onClick={() => setDeciding({ objection: o, decision: 'dismissed' })}
                data-testid="objection-dismiss"
              >
                {t('disposal.objection.dismiss')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      ))}
      <Modal open={lodging} title={null} footer={null} onCancel={() => setLodging(false)} destroyOnHidden>
        {lodging ? <LodgeForm valuation={v} parties={parties} onClose={() => setLodging(false)} /> : null}
      </Modal>
      <Modal
        open={deciding !== null}
        title={null}
        footer={null}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        {deciding ? (
          <DecideForm
            valuation={v}
            objection={deciding.objection}
            decision={deciding.decision}
            platform={platformName(deciding.objection.platform)}
            onClose={() => setDeciding(null)}
          />
        ) : null}
      </Modal>
    </Flex>
  );
}

type LodgeValues = { platform?: string; partyId?: string; reason?: string };

function LodgeForm({
  valuation,
  parties,
  onClose,
}: {
  valuation: TValuation;
  parties: Party[];
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t, pickMessage } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<LodgeValues>();
  const lodge = useLodgeObjection(valuation.caseId, valuation.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const reports = valuation.reports.filter((r) => r.onTime && !r.isExcluded);
  const handleFinish = (values: LodgeValues) => {
    const reason = values.reason?.trim();
    if (!values.platform || !reason) return;
    setUnplaced([]);
    lodge.mutate(
      { platform: values.platform, reason, ...(values.partyId ? { partyId: values.partyId } : {}) },
      {
        onSuccess: () => {
          message.success(t('disposal.objection.lodged'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, pickMessage).unplaced);
        },
      },
    );
  };
  return (
    <div data-testid="objection-form">
      <h2 style={{ fontSize: 16, marginTop: 0 }}>{t('disposal.objection.lodgeTitle')}</h2>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('disposal.objection.lodgeHint', { date: valuation.objectionDueOn ?? '—' })}
      />
      <ErrorAlert error={lodge.error} extraMessages={unplaced} />
      <Form<LodgeValues> form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="platform"
          label={t('disposal.objection.platform')}
          rules={[{ required: true, message: t('disposal.objection.platformRequired') }]}
        >
          <Select
            data-testid="objection-platform"
            options={reports.map((r) => ({
              value: r.platform,
              label: `${pickMessage(r.platformName)} · ¥${formatYuan(r.priceFen)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="partyId" label={t('disposal.objection.party')}>
          <Select
            allowClear
            placeholder={t('disposal.objection.partyPlaceholder')}
            options={parties.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('disposal.objection.reason')}
          rules={[{ required: true, whitespace: true, message: t('disposal.objection.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="objection-reason" />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={lodge.isPending} data-testid="objection-submit">
            {t('disposal.objection.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}

type DecideValues = { reason?: string };

function DecideForm({
  valuation,
  objection,
  decision,
  platform,
  onClose,
}: {
  valuation: TValuation;
  objection: TObjection;
  decision: Decision;
  platform: string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<DecideValues>();
  const decide = useDecideObjection(valuation.caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const handleFinish = (values: DecideValues) => {
    const reason = values.reason?.trim();
    if (!reason) return;
    setUnplaced([]);
    decide.mutate(
      { objectionId: objection.id, body: { decision, reason } },
      {
        onSuccess: (answer) => {
          const price = answer.valuation.referencePriceFen;
          if (decision === 'dismissed') message.success(t('disposal.objection.decided.dismissed'));
          else if (answer.valuation.state === 'failed' || price === null)
            message.warning(t('disposal.objection.decided.failed'));
          else message.success(t('disposal.objection.decided.upheld', { price: `¥${formatYuan(price)}` }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };
  return (
    <div data-testid="objection-decision" data-decision={decision}>
      <h2 style={{ fontSize: 16, marginTop: 0 }}>
        {t(`disposal.objection.decideTitle.${decision}`, { platform })}
      </h2>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{objection.reason}</Typography.Paragraph>
      <Alert
        type={decision === 'upheld' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={t(`disposal.objection.effect.${decision}`)}
      />
      <ErrorAlert error={decide.error} extraMessages={unplaced} />
      <Form<DecideValues> form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="reason"
          label={t('disposal.objection.decisionReason')}
          rules={[{ required: true, whitespace: true, message: t('disposal.objection.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="objection-decision-reason" />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={decision === 'upheld'}
            htmlType="submit"
            loading={decide.isPending}
            data-testid="objection-decision-submit"
          >
            {t(decision === 'upheld' ? 'disposal.objection.uphold' : 'disposal.objection.dismiss')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
