import { Alert, Button, Flex, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { type TPartyLogin, usePartyLogin, useRequestPartyCode } from '../../../api/party.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';

/** A new code may be asked for once a minute. */
const resendSeconds = 60;

function useCountdown(): [number, () => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return [left, () => setLeft(resendSeconds)];
}

/**
 * A party signs in with the case number, their ID number (or credit code) and the 6-digit code
 * sent by SMS to the phone the court has on file. The server answers "sent" whatever the pair,
 * so nobody learns from this form who is a party to which case.
 */
export function PartySignInForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<TPartyLogin>();
  const requestCode = useRequestPartyCode();
  const login = usePartyLogin();
  const [secondsLeft, startCountdown] = useCountdown();
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const normalised = () => ({
    caseNumber: String(form.getFieldValue('caseNumber') ?? '').trim(),
    idNumber: String(form.getFieldValue('idNumber') ?? '')
      .trim()
      .toUpperCase(),
  });

  const handleSendCode = async () => {
    try {
      await form.validateFields(['caseNumber', 'idNumber']);
    } catch {
      return;
    }
    login.reset();
    requestCode.mutate(normalised(), { onSuccess: startCountdown });
  };

  const handleFinish = (values: TPartyLogin) => {
    setUnplaced([]);
    login.mutate(
      { ...normalised(), code: values.code.trim() },
      {
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  const loginError =
    login.error && isApiError(login.error) && login.error.status === 429
      ? t('my.signIn.locked')
      : login.error && isApiError(login.error) && login.error.status === 401
        ? t('my.signIn.wrongCode')
        : undefined;

  return (
    <Form<TPartyLogin>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      requiredMark={false}
      data-testid="party-sign-in-form"
    >
      <ErrorAlert error={requestCode.error} />
      <ErrorAlert error={login.error} title={loginError} extraMessages={unplaced} />
      {requestCode.isSuccess ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="party-code-sent"
          title={t('my.signIn.codeSent', {
            minutes: Math.max(1, Math.round(requestCode.data.validForSeconds / 60)),
          })}
        />
      ) : null}
      <Form.Item
        name="caseNumber"
        label={t('my.signIn.caseNumber')}
        extra={t('my.signIn.caseNumberHint')}
        rules={[{ required: true, whitespace: true, message: t('my.signIn.caseNumberRequired') }]}
      >
        <Input size="large" maxLength={40} autoComplete="off" data-testid="party-case-number" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('my.signIn.idNumber')}
        extra={t('my.signIn.idNumberHint')}
        rules={[
          { required: true, whitespace: true, message: t('my.signIn.idNumberRequired') },
          { min: 15, max: 18, message: t('my.signIn.idNumberLength') },
        ]}
      >
        <Input
          size="large"
          maxLength={18}
          autoComplete="off"
          spellCheck={false}
          data-testid="party-id-number"
        />
      </Form.Item>
      <Form.Item label={t('my.signIn.code')} required>
        <Flex gap={8}>
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, message: t('my.signIn.codeRequired') },
              { pattern: /^\d{6}$/, message: t('my.signIn.codeFormat') },
            ]}
          >
            <Input
              size="large"
              maxLength={6}
              inputMode="numeric"
              autoComplete="one-time-code"
              aria-label={t('my.signIn.code')}
              data-testid="party-code"
            />
          </Form.Item>
          <Button
            size="large"
            onClick={handleSendCode}
            loading={requestCode.isPending}
            disabled={secondsLeft > 0}
            style={{ flex: 'none' }}
            data-testid="party-send-code"
          >
            {secondsLeft > 0 ? t('my.signIn.resendIn', { seconds: secondsLeft }) : t('my.signIn.sendCode')}
          </Button>
        </Flex>
      </Form.Item>
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        block
        loading={login.isPending}
        data-testid="party-sign-in"
      >
        {t('my.signIn.submit')}
      </Button>
    </Form>
  );
}
