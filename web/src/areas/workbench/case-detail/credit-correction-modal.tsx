import { App, Form, Input, Modal, Radio, Select } from 'antd';
import type { TCorrectionGround, TDeletionGround } from '../../../../../src/modules/credit/contracts.ts';
import {
  correctionGrounds,
  deletionGrounds,
  useDecideCorrection,
  useFileCorrection,
} from '../../../api/credit.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

type FileValues = { ground: TCorrectionGround; statement: string };

/** 失信规定 art. 11: the debtor's written correction request, recorded for review within 15 days. */
export function CreditCorrectionModal({
  caseId,
  entryId,
  onClose,
}: {
  caseId: string;
  entryId: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FileValues>();
  const file = useFileCorrection(caseId);
  return (
    <Modal
      open={entryId !== null}
      title={t('credit.correction')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={file.isPending}
      destroyOnHidden
      afterClose={() => file.reset()}
    >
      <ErrorAlert error={file.error} />
      <Form<FileValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ ground: 'wrongInformation' }}
        onFinish={(v) =>
          file.mutate(
            { entryId: entryId ?? '', ground: v.ground, statement: v.statement.trim() },
            {
              onSuccess: () => {
                message.success(t('credit.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="ground" label={t('credit.correctionGround')}>
          <Select
            options={correctionGrounds.map((g) => ({ value: g, label: t(`credit.correctionGround.${g}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="statement"
          label={t('credit.statement')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type DecideValues = {
  decision: 'upheld' | 'rejected';
  reason: string;
  name?: string;
  legalRepresentative?: string;
  deletionGround?: TDeletionGround;
};

/** 失信规定 arts. 11–12: upheld, the entry is revoked, corrected or deleted (3 working days); rejected, it may go up. */
export function CreditDecideCorrectionModal({
  caseId,
  requestId,
  ground,
  onClose,
}: {
  caseId: string;
  requestId: string | null;
  ground: TCorrectionGround | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecideValues>();
  const decide = useDecideCorrection(caseId);
  const decision = Form.useWatch('decision', form);
  return (
    <Modal
      open={requestId !== null}
      title={t('credit.correction')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
      afterClose={() => decide.reset()}
    >
      <ErrorAlert error={decide.error} />
      <Form<DecideValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ decision: 'upheld', deletionGround: 'fullyPerformed' }}
        onFinish={(v) =>
          decide.mutate(
            {
              requestId: requestId ?? '',
              decision: v.decision,
              reason: v.reason.trim(),
              ...(v.decision === 'upheld' && ground === 'wrongInformation'
                ? {
                    corrections: {
                      ...(v.name ? { name: v.name } : {}),
                      ...(v.legalRepresentative ? { legalRepresentative: v.legalRepresentative } : {}),
                    },
                  }
                : {}),
              ...(v.decision === 'upheld' && ground === 'shouldHaveBeenDeleted'
                ? { deletionGround: v.deletionGround }
                : {}),
            },
            {
              onSuccess: () => {
                message.success(t('credit.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'upheld', label: t('credit.uphold') },
              { value: 'rejected', label: t('credit.reject') },
            ]}
          />
        </Form.Item>
        {decision === 'upheld' && ground === 'wrongInformation' ? (
          <>
            <Form.Item name="name" label={t('credit.correctName')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="legalRepresentative" label={t('credit.correctLegalRep')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        ) : null}
        {decision === 'upheld' && ground === 'shouldHaveBeenDeleted' ? (
          <Form.Item name="deletionGround" label={t('credit.deletionGround')}>
            <Select options={deletionGrounds.map((g) => ({ value: g, label: t(`credit.deletion.${g}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('credit.reason')}
          rules={[{ required: true, whitespace: true, message: t('credit.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
