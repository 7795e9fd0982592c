import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { yuanToFen } from '../../../../../../src/kernel/index.ts';
import {
  additionGrounds,
  additionPartyKinds,
  limitedGrounds,
  type TAdditionGround,
  type TAdditionInput,
  type TAdditionPartyKind,
  useApplyForAddition,
} from '../../../../api/additions.ts';
import { isApiError } from '../../../../api/client.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = {
  ground?: TAdditionGround;
  party: { kind: TAdditionPartyKind; name?: string; idNumber?: string; creditCode?: string };
  limitYuan?: string;
  facts?: string;
};

// The server names the limit in fen; its message belongs beside the amount typed in yuan.
const aliases = { limitFen: 'limitYuan' };

function toBody(values: Values): TAdditionInput {
  const { kind } = values.party;
  const hasLimit = values.ground !== undefined && limitedGrounds.has(values.ground);
  return {
    ground: values.ground ?? 'heir',
    party: {
      kind,
      name: (values.party.name ?? '').trim(),
      idNumber: kind === 'natural' ? (values.party.idNumber ?? '').trim() : null,
      creditCode: kind === 'natural' ? null : (values.party.creditCode ?? '').trim() || null,
    },
    limitFen: hasLimit ? (yuanToFen(values.limitYuan) ?? null) : null,
    facts: (values.facts ?? '').trim(),
  };
}

/**
 * 登记申请: the applicant's written application to add a respondent, as the case team enters it —
 * the ground, whom to add, the limit for the grounds that answer within one (arts. 10, 17–19, 22)
 * and the facts. The ruling is due 60 days later (art. 28).
 */
export function ApplyAdditionModal({
  caseId,
  isOpen,
  onClose,
}: {
  caseId: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const apply = useApplyForAddition(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const ground = Form.useWatch('ground', form);
  const kind = Form.useWatch(['party', 'kind'], form) ?? 'natural';
  const needsLimit = ground !== undefined && limitedGrounds.has(ground);

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    apply.mutate(toBody(values), {
      onSuccess: () => {
        message.success(t('additions.applied'));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error))
          setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage, aliases).unplaced);
      },
    });
  };

  return (
    <Modal
      open={isOpen}
      width={640}
      title={t('additions.apply')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'addition-apply-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={apply.isPending}
      destroyOnHidden
      afterClose={() => {
        apply.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={apply.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ party: { kind: 'natural' } }}
        onFinish={handleFinish}
        disabled={apply.isPending}
        data-testid="addition-apply-form"
      >
        <Form.Item
          name="ground"
          label={t('additions.form.ground')}
          rules={[{ required: true, message: t('additions.form.groundRequired') }]}
        >
          <Select
            autoFocus
            data-testid="addition-ground"
            options={additionGrounds.map((g) => ({ value: g, label: t(`additions.ground.${g}`) }))}
          />
        </Form.Item>
        <Form.Item name={['party', 'kind']} label={t('additions.form.partyKind')}>
          <Radio.Group
            optionType="button"
            options={additionPartyKinds.map((k) => ({ value: k, label: t(`partyKind.${k}`) }))}
            data-testid="addition-party-kind"
          />
        </Form.Item>
        <Form.Item
          name={['party', 'name']}
          label={t('additions.form.partyName')}
          rules={[{ required: true, whitespace: true, message: t('additions.form.partyNameRequired') }]}
        >
          <Input maxLength={200} data-testid="addition-party-name" />
        </Form.Item>
        {kind === 'natural' ? (
          <Form.Item
            name={['party', 'idNumber']}
            label={t('additions.form.idNumber')}
            rules={[{ required: true, whitespace: true, message: t('additions.form.idNumberRequired') }]}
          >
            <Input maxLength={40} data-testid="addition-id-number" />
          </Form.Item>
        ) : (
          <Form.Item
            name={['party', 'creditCode']}
            label={t('additions.form.creditCode')}
            rules={[
              {
                required: kind === 'legal',
                whitespace: true,
                message: t('additions.form.creditCodeRequired'),
              },
            ]}
          >
            <Input maxLength={40} data-testid="addition-credit-code" />
          </Form.Item>
        )}
        {needsLimit ? (
          <Form.Item
            name="limitYuan"
            label={t('additions.form.limit')}
            extra={t('additions.form.limitHint')}
            rules={[{ required: true, message: t('additions.form.limitRequired') }]}
          >
            <YuanInput testId="addition-limit" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="facts"
          label={t('additions.form.facts')}
          rules={[{ required: true, whitespace: true, message: t('additions.form.factsRequired') }]}
        >
          <Input.TextArea
            maxLength={4000}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            data-testid="addition-facts"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
