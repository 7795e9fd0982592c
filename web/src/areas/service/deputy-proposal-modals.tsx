import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useUsers } from '../../api/identity.ts';
import {
  deputyProposalKinds,
  type TDeputyProposal,
  type TDeputyProposalKind,
  useAnswerDeputyProposal,
  useAssignDeputyProposal,
  useRegisterDeputyProposal,
} from '../../api/service.ts';
import { DatePicker } from '../../components/date-picker.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isAfterToday, toDateString, todayValue } from '../../lib/dates.ts';
import { useServerFormErrors } from '../admin/use-server-form.ts';
import { deputyProposalKindLabels } from './messages.ts';
import { useServiceText } from './use-service-text.ts';

type RegisterValues = {
  kind: TDeputyProposalKind;
  number: string;
  proposer: string;
  title: string;
  content: string;
  receivedOn: Dayjs;
  replyDays?: number | null;
};

/** 登记: as the standing committee or the CPPCC assigned it; the period runs from the day of assignment. */
export function RegisterDeputyProposalModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { pick } = useI18n();
  const text = useServiceText();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterDeputyProposal();
  const errors = useServerFormErrors(form);
  const required = [{ required: true, whitespace: true, message: text('proposal.required') }];

  const handleFinish = (values: RegisterValues) => {
    errors.clear();
    register.mutate(
      {
        kind: values.kind,
        number: values.number.trim(),
        proposer: values.proposer.trim(),
        title: values.title.trim(),
        content: values.content.trim(),
        receivedOn: toDateString(values.receivedOn),
        replyDays: values.replyDays ?? undefined,
      },
      {
        onSuccess: () => {
          message.success(text('proposal.saved'));
          onClose();
        },
        onError: errors.handleError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={text('proposal.register')}
      okText={text('proposal.register')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={register.isPending}
      destroyOnHidden
      afterClose={() => {
        register.reset();
        errors.clear();
      }}
      width={640}
    >
      <ErrorAlert error={register.error} extraMessages={errors.unplaced} />
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        initialValues={{ kind: 'deputySuggestion', receivedOn: todayValue() }}
        data-testid="proposal-form"
      >
        <Form.Item name="kind" label={text('proposal.kind')}>
          <Select
            options={deputyProposalKinds.map((kind) => ({
              value: kind,
              label: pick(deputyProposalKindLabels[kind]),
            }))}
          />
        </Form.Item>
        <Form.Item name="number" label={text('proposal.number')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="proposer" label={text('proposal.proposer')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={text('proposal.titleField')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={text('proposal.content')} rules={required}>
          <Input.TextArea rows={5} maxLength={8000} showCount />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={text('proposal.receivedOn')}
          rules={[{ required: true, message: text('proposal.required') }]}
        >
          <DatePicker disabledDate={isAfterToday} />
        </Form.Item>
        <Form.Item name="replyDays" label={text('proposal.replyDays')}>
          <InputNumber min={1} max={184} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 交办: to an officer of the proposal's court. */
export function AssignDeputyProposalModal({
  proposal,
  onClose,
}: {
  proposal: TDeputyProposal | null;
  onClose: () => void;
}) {
  const text = useServiceText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId: string }>();
  const assign = useAssignDeputyProposal();
  const errors = useServerFormErrors(form);
  const users = useUsers(proposal?.courtId, { enabled: proposal !== null });
  const officers = (users.data?.items ?? []).filter(
    (u) => !u.disabled && u.roles.some((r) => r !== 'admin' && r !== 'gridWorker' && r !== 'procurator'),
  );

  return (
    <Modal
      open={proposal !== null}
      title={`${text('proposal.assign')} · ${proposal?.number ?? ''}`}
      okText={text('proposal.assign')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
      afterClose={() => {
        assign.reset();
        errors.clear();
      }}
    >
      <ErrorAlert error={assign.error} extraMessages={errors.unplaced} />
      <Form<{ userId: string }>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ userId: proposal?.assignee?.id }}
        onFinish={(values) => {
          if (!proposal) return;
          errors.clear();
          assign.mutate(
            { proposalId: proposal.id, body: values },
            {
              onSuccess: () => {
                message.success(text('proposal.saved'));
                onClose();
              },
              onError: errors.handleError,
            },
          );
        }}
      >
        <Form.Item
          name="userId"
          label={text('proposal.assignTo')}
          rules={[{ required: true, message: text('proposal.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={users.isLoading}
            options={officers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type AnswerValues = { reply: string; isPublishable: boolean };

/** 答复: the officer's reply, and whether the proposer agreed that it be published. */
export function AnswerDeputyProposalModal({
  proposal,
  onClose,
}: {
  proposal: TDeputyProposal | null;
  onClose: () => void;
}) {
  const text = useServiceText();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useAnswerDeputyProposal();
  const errors = useServerFormErrors(form);

  return (
    <Modal
      open={proposal !== null}
      title={`${text('proposal.answer')} · ${proposal?.title ?? ''}`}
      okText={text('proposal.answer')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={answer.isPending}
      destroyOnHidden
      afterClose={() => {
        answer.reset();
        errors.clear();
      }}
      width={640}
    >
      <ErrorAlert error={answer.error} extraMessages={errors.unplaced} />
      <Form<AnswerValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ isPublishable: false }}
        onFinish={(values) => {
          if (!proposal) return;
          errors.clear();
          answer.mutate(
            {
              proposalId: proposal.id,
              body: { reply: values.reply.trim(), isPublishable: values.isPublishable },
            },
            {
              onSuccess: () => {
                message.success(text('proposal.saved'));
                onClose();
              },
              onError: errors.handleError,
            },
          );
        }}
      >
        <Form.Item
          name="reply"
          label={text('proposal.reply')}
          rules={[{ required: true, whitespace: true, message: text('proposal.required') }]}
        >
          <Input.TextArea rows={6} maxLength={8000} showCount />
        </Form.Item>
        <Form.Item name="isPublishable" valuePropName="checked">
          <Checkbox>{text('proposal.isPublishable')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
