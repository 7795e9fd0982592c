import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { TCaseDetail, TClose } from '../../../../../src/modules/cases/contracts.ts';
import { restorableClosingType, useCloseCase } from '../../../api/cases.ts';
import { isApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';
import { ChecklistItems } from './checklist-panel.tsx';

type CloseCaseModalProps = { detail: TCaseDetail; isOpen: boolean; onClose: () => void };

/**
 * 结案. The server decides whether the case may close; a 409 lists each unmet precondition,
 * shown here one per line so that the officer knows what is left to do.
 */
export function CloseCaseModal({ detail, isOpen, onClose }: CloseCaseModalProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<TClose>();
  const closeCase = useCloseCase(detail.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const closingType = Form.useWatch('closingType', form);
  const unmet = detail.terminationChecklist.filter((item) => !item.satisfied);
  const isConflict = isApiError(closeCase.error) && closeCase.error.status === 409;

  const handleFinish = (values: TClose) => {
    setUnplaced([]);
    closeCase.mutate(
      { closingType: values.closingType, reason: values.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('case.close.done'));
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
      open={isOpen}
      title={t('case.close.title', { caseNumber: detail.caseNumber })}
      okText={t('case.close.submit')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={closeCase.isPending}
      destroyOnHidden
      afterClose={() => {
        closeCase.reset();
        setUnplaced([]);
      }}
      width={600}
    >
      <div data-testid="close-case-errors">
        <ErrorAlert
          error={closeCase.error}
          title={isConflict ? t('case.close.unmet') : undefined}
          extraMessages={unplaced}
        />
      </div>
      <Form<TClose>
        preserve={false}
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        disabled={closeCase.isPending}
      >
        <Form.Item
          name="closingType"
          label={t('case.closingType')}
          rules={[{ required: true, message: t('case.close.typeRequired') }]}
        >
          <Select
            autoFocus
            placeholder={t('case.close.typePlaceholder')}
            options={detail.closingTypes.map((option) => ({
              value: option.closingType,
              label: pick(option.label) || option.closingType,
            }))}
          />
        </Form.Item>
        {closingType === restorableClosingType && unmet.length > 0 && !closeCase.error ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('case.close.checklistWarning')}
            description={<ChecklistItems items={unmet} />}
          />
        ) : null}
        <Form.Item
          name="reason"
          label={t('case.closingReason')}
          rules={[{ required: true, whitespace: true, message: t('case.close.reasonRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('case.close.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
