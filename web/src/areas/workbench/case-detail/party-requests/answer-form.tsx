import { App, Button, Form, Input, Radio } from 'antd';
import { isApiError } from '../../../../api/client.ts';
import { requestOutcomes, type TAnswerInput, useAnswerPartyRequest } from '../../../../api/party-requests.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

/** The team's answer to an open request: accepted, rejected or noted, with the reasons in words. */
export function AnswerForm({ caseId, requestId }: { caseId: string; requestId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<TAnswerInput>();
  const answer = useAnswerPartyRequest(caseId);
  return (
    <Form<TAnswerInput>
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      initialValues={{ outcome: 'accepted' }}
      onFinish={(values) =>
        answer.mutate(
          { requestId, body: { outcome: values.outcome, answer: values.answer.trim() } },
          {
            onSuccess: () => message.success(t('partyRequests.answered')),
            onError: (error) => {
              if (isApiError(error)) applyServerFieldErrors(form, error, i18n.pickMessage);
            },
          },
        )
      }
      data-testid="party-request-answer-form"
    >
      <ErrorAlert error={answer.error} />
      <Form.Item name="outcome" label={t('partyRequests.outcome')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={requestOutcomes.map((outcome) => ({ value: outcome, label: t(`my.outcome.${outcome}`) }))}
          data-testid="party-request-outcome"
        />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('partyRequests.answer')}
        rules={[{ required: true, whitespace: true, message: t('partyRequests.answerRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="party-request-answer-text" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={answer.isPending}
        data-testid="party-request-answer-submit"
      >
        {t('partyRequests.submit')}
      </Button>
    </Form>
  );
}
