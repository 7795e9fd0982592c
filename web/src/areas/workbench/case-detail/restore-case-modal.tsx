import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TCaseDetail } from '../../../../../src/modules/cases/contracts.ts';
import { useRestoreCase } from '../../../api/cases.ts';
import { isApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';

/** The form asks for a reason, which the server takes as optional. */
type RestoreValues = { reason: string };

type RestoreCaseModalProps = { detail: TCaseDetail; isOpen: boolean; onClose: () => void };

/** 恢复执行: a closed 终本 case is restored as a new 执恢 case, which opens on success. */
export function RestoreCaseModal({ detail, isOpen, onClose }: RestoreCaseModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RestoreValues>();
  const restore = useRestoreCase(detail.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: RestoreValues) => {
    setUnplaced([]);
    restore.mutate(
      { reason: values.reason.trim() },
      {
        onSuccess: (created) => {
          message.success(t('case.restore.done', { caseNumber: created.caseNumber }));
          onClose();
          navigate(`/cases/${created.id}`);
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
      title={t('case.restore.title')}
      okText={t('case.restore.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={restore.isPending}
      destroyOnHidden
      afterClose={() => {
        restore.reset();
        setUnplaced([]);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('case.restore.explain', { caseNumber: detail.caseNumber })}
      />
      <ErrorAlert error={restore.error} extraMessages={unplaced} />
      <Form<RestoreValues>
        preserve={false}
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        disabled={restore.isPending}
      >
        <Form.Item
          name="reason"
          label={t('case.restore.reason')}
          rules={[{ required: true, whitespace: true, message: t('case.restore.reasonRequired') }]}
        >
          <Input.TextArea
            autoFocus
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('case.restore.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
