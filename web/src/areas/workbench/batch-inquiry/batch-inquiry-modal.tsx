import { Alert, Descriptions, Form, Input, Modal, Progress, Result } from 'antd';
import { useState } from 'react';
import type { TLaunched } from '../../../../../src/modules/inquiry/contracts.ts';
import { requestStates, useBatchProgress, useLaunchBatch } from '../../../api/inquiry.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { requestStateKey } from '../case-detail/inquiry/labels.ts';

type Props = { caseIds: string[]; isOpen: boolean; onClose: () => void; onDone: () => void };

/** 批量查控: the purpose, then a live progress bar with the requests counted by state. */
export function BatchInquiryModal({ caseIds, isOpen, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ purpose: string }>();
  const launch = useLaunchBatch();
  const [launched, setLaunched] = useState<TLaunched | null>(null);
  const progress = useBatchProgress(launched?.batchId ?? null);
  const data = progress.data;
  const settled = data ? data.byState.answered + data.byState.failed + data.byState.expired : 0;
  const percent = data && data.total > 0 ? Math.round((settled / data.total) * 100) : 0;

  return (
    <Modal
      open={isOpen}
      title={t('batch.title', { count: caseIds.length })}
      okText={launched ? t('batch.close') : t('batch.launch')}
      onOk={() => (launched ? onClose() : form.submit())}
      onCancel={onClose}
      cancelButtonProps={{ style: launched ? { display: 'none' } : undefined }}
      confirmLoading={launch.isPending}
      destroyOnHidden
      width={640}
      afterClose={() => {
        if (launched) onDone();
        setLaunched(null);
        launch.reset();
      }}
    >
      {launched ? (
        <div data-testid="batch-progress">
          {launched.skipped.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('batch.skipped', { count: launched.skipped.length })}
            />
          ) : null}
          {data?.done ? <Result status="success" title={t('batch.done')} style={{ padding: 8 }} /> : null}
          <Progress
            percent={percent}
            success={{
              percent: data && data.total > 0 ? Math.round((data.byState.answered / data.total) * 100) : 0,
            }}
            status={data?.done ? 'success' : 'active'}
          />
          {data ? (
            <Descriptions
              size="small"
              column={3}
              style={{ marginTop: 12 }}
              items={requestStates.map((s) => ({
                key: s,
                label: t(requestStateKey(s)),
                children: (
                  <span className="tabular-nums" data-testid={`batch-${s}`}>
                    {data.byState[s]}
                  </span>
                ),
              }))}
            />
          ) : null}
        </div>
      ) : (
        <>
          <ErrorAlert error={launch.error} />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ purpose: t('inquiry.purposeDefault') }}
            onFinish={(values) =>
              launch.mutate(
                { caseIds, purpose: values.purpose.trim() },
                { onSuccess: (result) => setLaunched(result) },
              )
            }
          >
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('inquiry.launchHint')} />
            <Form.Item
              name="purpose"
              label={t('inquiry.purpose')}
              rules={[{ required: true, min: 2, whitespace: true, message: t('inquiry.purposeRequired') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
