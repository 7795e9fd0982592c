import { App, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { yuanToFen } from '../../../../../src/kernel/index.ts';
import type { TRespondentCredit } from '../../../../../src/modules/credit/contracts.ts';
import { isApiError } from '../../../api/client.ts';
import { type ListingGround, listingGrounds, useListRespondent } from '../../../api/credit.ts';
import { DatePicker } from '../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';

type Values = {
  ground: ListingGround;
  facts: string;
  initiatedBy: 'ownMotion' | 'application';
  applicationReceivedOn?: Dayjs;
  extendYears?: number;
  graceMonths?: number;
  hasAdequateSecurity?: boolean;
  controlledPropertyYuan?: number;
  isNotYetDue?: boolean;
};

/**
 * 纳入失信名单 (失信规定 arts. 1–5). The server checks every rule — grounds, the art. 3 exclusions,
 * minors — and answers a refusal with each reason, shown here.
 */
export function CreditListModal({
  caseId,
  respondent,
  onClose,
}: {
  caseId: string;
  respondent: TRespondentCredit | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const list = useListRespondent(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const ground = Form.useWatch('ground', form);
  const initiatedBy = Form.useWatch('initiatedBy', form);

  const handleFinish = (v: Values) => {
    setUnplaced([]);
    const controlled =
      v.controlledPropertyYuan === undefined ? undefined : yuanToFen(v.controlledPropertyYuan);
    list.mutate(
      {
        respondentId: respondent?.id ?? '',
        ground: v.ground,
        facts: v.facts.trim(),
        initiatedBy: v.initiatedBy,
        ...(v.initiatedBy === 'application' && v.applicationReceivedOn
          ? { applicationReceivedOn: v.applicationReceivedOn.format('YYYY-MM-DD') }
          : {}),
        ...(v.extendYears ? { extendYears: v.extendYears } : {}),
        ...(v.graceMonths ? { graceMonths: v.graceMonths } : {}),
        exclusions: {
          hasAdequateSecurity: v.hasAdequateSecurity === true,
          ...(controlled !== null && controlled !== undefined ? { controlledPropertyFen: controlled } : {}),
          isDueInOrderOfPerformance: v.isNotYetDue !== true,
        },
      },
      {
        onSuccess: (result) => {
          message.success(result.state === 'listed' ? t('credit.approved') : t('credit.needLeader'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  return (
    <Modal
      open={respondent !== null}
      title={`${t('credit.list')} · ${respondent?.name ?? ''}`}
      okText={t('credit.list')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={list.isPending}
      destroyOnHidden
      afterClose={() => {
        list.reset();
        setUnplaced([]);
      }}
      width={680}
    >
      <div data-testid="credit-list-errors">
        <ErrorAlert
          error={list.error}
          title={list.error ? t('credit.refused') : undefined}
          extraMessages={unplaced}
        />
      </div>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        initialValues={{ initiatedBy: 'ownMotion' }}
      >
        <Form.Item
          name="ground"
          label={t('credit.ground')}
          rules={[{ required: true, message: t('credit.groundRequired') }]}
        >
          <Select
            options={listingGrounds.map((g) => ({ value: g, label: t(`credit.ground.${g}`) }))}
            data-testid="credit-ground"
          />
        </Form.Item>
        <Form.Item
          name="facts"
          label={t('credit.facts')}
          rules={[{ required: true, whitespace: true, message: t('credit.factsRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="credit-facts" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="initiatedBy" label={t('credit.initiatedBy')}>
            <Radio.Group
              options={[
                { value: 'ownMotion', label: t('credit.initiatedBy.ownMotion') },
                { value: 'application', label: t('credit.initiatedBy.application') },
              ]}
            />
          </Form.Item>
          {initiatedBy === 'application' ? (
            <Form.Item name="applicationReceivedOn" label={t('credit.applicationReceivedOn')}>
              <DatePicker />
            </Form.Item>
          ) : null}
        </Space>
        <Space wrap size="large">
          <Form.Item name="extendYears" label={t('credit.extendYears')} extra={t('credit.extendHint')}>
            <InputNumber min={1} max={3} precision={0} disabled={ground === 1} />
          </Form.Item>
          <Form.Item name="graceMonths" label={t('credit.graceMonths')} extra={t('credit.graceHint')}>
            <InputNumber min={1} max={3} precision={0} />
          </Form.Item>
        </Space>
        {ground === 1 ? (
          <fieldset style={{ border: '1px solid #f0f0f0', padding: '8px 12px', borderRadius: 6 }}>
            <legend style={{ fontSize: 13, width: 'auto', padding: '0 4px' }}>
              {t('credit.exclusions')}
            </legend>
            <Space wrap size="large">
              <Form.Item name="hasAdequateSecurity" valuePropName="checked" noStyle>
                <Checkbox>{t('credit.hasAdequateSecurity')}</Checkbox>
              </Form.Item>
              <Form.Item name="isNotYetDue" valuePropName="checked" noStyle>
                <Checkbox>{t('credit.notYetDue')}</Checkbox>
              </Form.Item>
              <Form.Item
                name="controlledPropertyYuan"
                label={t('credit.controlledProperty')}
                style={{ marginBottom: 0 }}
              >
                <InputNumber min={0} precision={2} style={{ width: 180 }} />
              </Form.Item>
            </Space>
          </fieldset>
        ) : null}
      </Form>
    </Modal>
  );
}
