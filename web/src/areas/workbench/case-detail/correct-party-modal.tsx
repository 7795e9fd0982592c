import { App, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TParty } from '../../../../../src/modules/cases/contracts.ts';
import type { TCorrectParty } from '../../../../../src/modules/cases/party-correction-contracts.ts';
import { useCorrectParty, usePartyChanges } from '../../../api/cases.ts';
import { isApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';

type PartyValues = {
  name: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
  reason: string;
};

/** Only the fields that differ from what is on file go to the server (it refuses a correction of nothing). */
function toBody(party: TParty, values: PartyValues): TCorrectParty {
  const body: TCorrectParty = { reason: values.reason.trim() };
  const name = values.name.trim();
  if (name !== party.name) body.name = name;
  const same = (a: string | undefined, b: string | null) => (a?.trim() || null) === (b || null);
  if (!same(values.phone, party.phone)) body.phone = values.phone?.trim() || null;
  if (!same(values.address, party.address)) body.address = values.address?.trim() || null;
  if (party.kind !== 'natural' && !same(values.legalRepresentative, party.legalRepresentative))
    body.legalRepresentative = values.legalRepresentative?.trim() || null;
  return body;
}

type CorrectPartyModalProps = { caseId: string; party: TParty | null; onClose: () => void };

/**
 * 更正当事人信息: the case team corrects a party's name, phone, address or legal representative
 * with the reason; the identity (ID number, credit code) stays. Below, what earlier corrections
 * replaced, who made them and why.
 */
export function CorrectPartyModal({ caseId, party, onClose }: CorrectPartyModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<PartyValues>();
  const correct = useCorrectParty(caseId);
  const changes = usePartyChanges(caseId, party?.id ?? null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const fieldLabel = (key: string) =>
    (
      ({
        name: t('filing.party.orgName'),
        phone: t('filing.phone'),
        address: t('filing.party.address'),
        legalRepresentative: t('filing.party.legalRepresentative'),
        agents: t('filing.agents'),
      }) as Record<string, string>
    )[key] ?? key;
  const show = (values: Record<string, unknown>) =>
    Object.entries(values)
      .map(
        ([k, v]) => `${fieldLabel(k)}：${typeof v === 'string' ? v : v === null ? '—' : JSON.stringify(v)}`,
      )
      .join('；');

  return (
    <Modal
      open={party !== null}
      title={t('party.correct.title', { name: party?.name ?? '' })}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'correct-party-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={correct.isPending}
      destroyOnHidden
      afterClose={() => {
        correct.reset();
        setUnplaced([]);
      }}
      width={640}
    >
      <ErrorAlert error={correct.error} extraMessages={unplaced} />
      {party ? (
        <Form<PartyValues>
          preserve={false}
          form={form}
          layout="vertical"
          initialValues={{
            name: party.name,
            phone: party.phone ?? '',
            address: party.address ?? '',
            legalRepresentative: party.legalRepresentative ?? '',
            reason: '',
          }}
          disabled={correct.isPending}
          onFinish={(values) =>
            correct.mutate(
              { partyId: party.id, body: toBody(party, values) },
              {
                onSuccess: () => {
                  message.success(t('party.correct.saved'));
                  onClose();
                },
                onError: (error) => {
                  if (isApiError(error))
                    setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
                },
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('filing.party.orgName')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t('filing.phone')}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="address" label={t('filing.party.address')}>
            <Input maxLength={200} />
          </Form.Item>
          {party.kind === 'natural' ? null : (
            <Form.Item name="legalRepresentative" label={t('filing.party.legalRepresentative')}>
              <Input maxLength={50} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('party.correct.reason')}
            rules={[{ required: true, whitespace: true, message: t('party.correct.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('party.correct.reasonHint')} />
          </Form.Item>
        </Form>
      ) : null}
      {changes.data && changes.data.items.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('party.correct.history')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={changes.data.items}
            data-testid="party-changes"
            columns={[
              {
                key: 'at',
                title: t('party.correct.at'),
                width: 150,
                render: (_, c) => <span className="tabular-nums">{formatDateTime(c.changedAt)}</span>,
              },
              { key: 'by', title: t('party.correct.by'), width: 90, dataIndex: 'changedBy' },
              { key: 'before', title: t('party.correct.before'), render: (_, c) => show(c.before) },
              { key: 'reason', title: t('party.correct.reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
