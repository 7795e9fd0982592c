import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { isApiError } from '../../../../api/client.ts';
import {
  serviceMethods,
  type TDocument,
  type TServiceMethod,
  useServeDocument,
} from '../../../../api/documents.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { isAfterToday, toDateString } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { serviceMethodKey } from './labels.ts';

type Values = {
  partyId?: string;
  method: TServiceMethod;
  trackingNumber?: string;
  receivedOn?: Dayjs | null;
  note?: string;
};

/**
 * 送达 a sealed document on a party of the case: electronically (it appears in their portal and
 * the first opening is the time of receipt) or by post (法院专递: the tracking number and, from
 * the return receipt, the day received).
 */
export function ServeModal({
  detail,
  document,
  onClose,
}: {
  detail: TCaseDetail;
  document: TDocument | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const serve = useServeDocument(detail.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const method = Form.useWatch('method', form);

  const handleFinish = (values: Values) => {
    if (!document || !values.partyId) return;
    setUnplaced([]);
    const note = values.note?.trim();
    const tracking = values.trackingNumber?.trim();
    const isPostal = values.method === 'postal';
    serve.mutate(
      {
        documentId: document.id,
        body: {
          partyId: values.partyId,
          method: values.method,
          ...(isPostal && tracking ? { trackingNumber: tracking } : {}),
          ...(isPostal && values.receivedOn ? { receivedOn: toDateString(values.receivedOn) } : {}),
          ...(note ? { note } : {}),
        },
      },
      {
        onSuccess: () => {
          message.success(t('documents.served'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  const parties = [
    ...detail.applicants.map((p) => ({ value: p.id, label: `${t('filing.applicants')} · ${p.name}` })),
    ...detail.respondents.map((p) => ({ value: p.id, label: `${t('filing.respondents')} · ${p.name}` })),
  ];

  return (
    <Modal
      open={document !== null}
      title={t('documents.serveTitle', { title: document?.title ?? '' })}
      okText={t('documents.serve')}
      okButtonProps={{ 'data-testid': 'serve-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={serve.isPending}
      destroyOnHidden
      afterClose={() => {
        serve.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={serve.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ method: 'electronic' }}
        onFinish={handleFinish}
        onValuesChange={() => {
          if (serve.error) serve.reset();
        }}
        data-testid="serve-form"
      >
        <Form.Item
          name="partyId"
          label={t('documents.party')}
          rules={[{ required: true, message: t('documents.partyRequired') }]}
        >
          <Select options={parties} data-testid="serve-party" />
        </Form.Item>
        <Form.Item name="method" label={t('documents.method')}>
          <Radio.Group
            optionType="button"
            options={serviceMethods.map((value) => ({ value, label: t(serviceMethodKey(value)) }))}
            data-testid="serve-method"
          />
        </Form.Item>
        {method === 'postal' ? (
          <>
            <Form.Item
              name="trackingNumber"
              label={t('documents.trackingNumber')}
              rules={[{ required: true, whitespace: true, message: t('documents.trackingRequired') }]}
            >
              <Input maxLength={40} data-testid="serve-tracking" />
            </Form.Item>
            <Form.Item name="receivedOn" label={t('documents.receivedOn')}>
              <DatePicker
                disabledDate={(day) => isAfterToday(day) || toDateString(day) < (document?.issuedOn ?? '')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </>
        ) : (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('documents.electronicHint')} />
        )}
        <Form.Item name="note" label={t('documents.note')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
