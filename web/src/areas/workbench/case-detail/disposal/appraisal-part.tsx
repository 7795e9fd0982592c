import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import {
  type TValuation,
  useAppraisalExtension,
  useDrawLots,
  useLottery,
  useRecordAppraisalReport,
} from '../../../../api/disposal.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { describeError } from '../../../../components/error-text.ts';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { assignmentStateKey } from './labels.ts';

/** 委托评估: the lottery (its commitment, then seed and result), the draw, the appraisers in order. */
export function AppraisalPart({ valuation, canAct }: { valuation: TValuation; canAct: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const appraisal = valuation.appraisal;
  const lottery = useLottery(appraisal?.lotteryId ?? null);
  const draw = useDrawLots();
  const [witness, setWitness] = useState('');
  if (!appraisal) return null;
  const canDraw = canAct && valuation.state === 'drawingLots';

  return (
    <Flex vertical gap={8}>
      {lottery.data ? (
        <Descriptions
          size="small"
          column={1}
          title={t('disposal.lottery')}
          items={[
            {
              key: 'roster',
              label: t('disposal.lottery.roster'),
              children: lottery.data.roster.map((r) => r.name).join('、'),
            },
            {
              key: 'commitment',
              label: t('disposal.lottery.commitment'),
              children: (
                <Typography.Text copyable style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>
                  {lottery.data.commitment}
                </Typography.Text>
              ),
            },
            {
              key: 'committedAt',
              label: t('disposal.lottery.committedAt'),
              children: formatDateTime(lottery.data.committedAt),
            },
            ...(lottery.data.drawnAt
              ? [
                  {
                    key: 'drawnAt',
                    label: t('disposal.lottery.drawnAt'),
                    children: formatDateTime(lottery.data.drawnAt),
                  },
                  {
                    key: 'seed',
                    label: t('disposal.lottery.seed'),
                    children: (
                      <Typography.Text
                        copyable
                        style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}
                      >
                        {lottery.data.seed ?? ''}
                      </Typography.Text>
                    ),
                  },
                  {
                    key: 'result',
                    label: t('disposal.lottery.result'),
                    children: (lottery.data.result ?? [])
                      .map((r) => t('disposal.lottery.place', { place: r.place, name: r.name }))
                      .join('；'),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      {canDraw ? (
        <Flex gap={8} wrap>
          <Input
            style={{ maxWidth: 260 }}
            maxLength={100}
            value={witness}
            onChange={(e) => setWitness(e.target.value)}
            placeholder={t('disposal.lottery.witness')}
            aria-label={t('disposal.lottery.witness')}
          />
          <Popconfirm
            title={t('disposal.lottery.draw')}
            onConfirm={() =>
              draw.mutate(
                { valuationId: valuation.id, ...(witness.trim() ? { witness: witness.trim() } : {}) },
                {
                  onSuccess: () => message.success(t('disposal.lottery.drawn')),
                  onError: (error) => message.error(describeError(error, i18n)),
                },
              )
            }
          >
            <Button type="primary" loading={draw.isPending}>
              {t('disposal.lottery.draw')}
            </Button>
          </Popconfirm>
        </Flex>
      ) : null}
      {appraisal.assignments.length > 0 ? (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('disposal.assignments')}</Typography.Text>
          {appraisal.assignments.map((a) => (
            <Typography.Text key={`${a.position}:${a.appraiserId}`}>
              {a.position + 1}. {a.name} <Tag>{t(assignmentStateKey(a.state))}</Tag>
              <Typography.Text type="secondary" data-testid="assignment-due" data-due-on={a.dueOn}>
                {t('disposal.assignment.dueOn', { date: a.dueOn })}
              </Typography.Text>
              {a.extensions.length > 0 ? (
                <Typography.Text type="secondary">
                  {' · '}
                  {t('disposal.extension.used', { count: a.extensions.length })}
                </Typography.Text>
              ) : null}
            </Typography.Text>
          ))}
        </Flex>
      ) : null}
      {lottery.isError ? <Alert type="warning" showIcon title={describeError(lottery.error, i18n)} /> : null}
      {canAct && valuation.state === 'appraising' ? <ExtensionForm valuation={valuation} /> : null}
      {canAct && valuation.state === 'appraising' ? <AppraisalReportForm valuation={valuation} /> : null}
    </Flex>
  );
}

type ReportValues = { priceYuan?: string; reportNumber?: string };

/** 录入评估报告: the figure and number of the current appraiser's report; it fixes the price. */
function AppraisalReportForm({ valuation }: { valuation: TValuation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const record = useRecordAppraisalReport(valuation.caseId, valuation.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const handleFinish = (values: ReportValues) => {
    const priceFen = yuanToFen(values.priceYuan);
    const reportNumber = values.reportNumber?.trim();
    if (priceFen === null || !reportNumber) return;
    setUnplaced([]);
    record.mutate(
      { priceFen, reportNumber },
      {
        onSuccess: () => message.success(t('disposal.report.recorded')),
        onError: (error) => {
          if (isApiError(error)) {
            setUnplaced(
              applyServerFieldErrors(form, error, i18n.pickMessage, { priceFen: 'priceYuan' }).unplaced,
            );
          }
        },
      },
    );
  };
  return (
    <Flex vertical>
      <ErrorAlert error={record.error} extraMessages={unplaced} />
      <Form<ReportValues> form={form} layout="inline" onFinish={handleFinish} style={{ rowGap: 8 }}>
        <Form.Item
          name="priceYuan"
          label={t('disposal.report.price')}
          rules={[{ required: true, message: t('disposal.priceRequired') }]}
        >
          <YuanInput style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reportNumber"
          label={t('disposal.report.number')}
          rules={[{ required: true, whitespace: true, message: t('disposal.report.numberRequired') }]}
        >
          <Input maxLength={64} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('disposal.report.record')}
        </Button>
      </Form>
    </Flex>
  );
}

type ExtensionValues = { days?: number; reason?: string };

/** 评估机构申请延期: the current appraiser's deadline moves by up to 15 days, twice at most. */
function ExtensionForm({ valuation }: { valuation: TValuation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ExtensionValues>();
  const extend = useAppraisalExtension(valuation.caseId, valuation.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const handleFinish = (values: ExtensionValues) => {
    const reason = values.reason?.trim();
    if (!values.days || !reason) return;
    setUnplaced([]);
    extend.mutate(
      { days: values.days, reason },
      {
        onSuccess: (answer) => {
          message.success(t('disposal.extension.granted', { date: answer.dueOn }));
          form.resetFields();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('disposal.extension.hint')}
      </Typography.Text>
      <ErrorAlert error={extend.error} extraMessages={unplaced} />
      <Form<ExtensionValues>
        form={form}
        layout="inline"
        onFinish={handleFinish}
        style={{ rowGap: 8 }}
        initialValues={{ days: 15 }}
      >
        <Form.Item
          name="days"
          label={t('disposal.extension.days')}
          rules={[{ required: true, message: t('disposal.lotForm.required') }]}
        >
          <InputNumber min={1} max={15} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('disposal.extension.reason')}
          rules={[{ required: true, whitespace: true, message: t('disposal.lotForm.required') }]}
        >
          <Input maxLength={500} style={{ width: 260 }} />
        </Form.Item>
        <Button loading={extend.isPending} htmlType="submit">
          {t('disposal.extension.record')}
        </Button>
      </Form>
    </Flex>
  );
}
