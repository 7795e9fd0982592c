import { Button, Form, Input } from 'antd';
import { isApiError } from '../../../api/client.ts';
import { type TLawyerLogin, useLawyerLogin } from '../../../api/party.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

/** A lawyer signs in with the licence number (执业证号) and the password of the account the court opened. */
export function LawyerSignInForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<TLawyerLogin>();
  const login = useLawyerLogin();
  const title =
    login.error && isApiError(login.error) && login.error.status === 401
      ? t('my.signIn.lawyerWrong')
      : login.error && isApiError(login.error) && login.error.status === 429
        ? t('my.signIn.locked')
        : undefined;
  return (
    <Form<TLawyerLogin>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) =>
        login.mutate({ licenceNumber: values.licenceNumber.trim(), password: values.password })
      }
      onValuesChange={() => {
        if (login.error) login.reset();
      }}
      data-testid="lawyer-sign-in-form"
    >
      <ErrorAlert error={login.error} title={title} />
      <Form.Item
        name="licenceNumber"
        label={t('my.signIn.licenceNumber')}
        rules={[{ required: true, whitespace: true, message: t('my.signIn.licenceNumberRequired') }]}
      >
        <Input
          size="large"
          maxLength={30}
          inputMode="numeric"
          autoComplete="username"
          data-testid="lawyer-licence-number"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('my.signIn.password')}
        rules={[{ required: true, message: t('my.signIn.passwordRequired') }]}
      >
        <Input.Password
          size="large"
          maxLength={200}
          autoComplete="current-password"
          data-testid="lawyer-password"
        />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        block
        loading={login.isPending}
        data-testid="lawyer-sign-in"
      >
        {t('my.signIn.submit')}
      </Button>
    </Form>
  );
}
