import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { TLogin } from '../../../src/modules/identity/contracts.ts';
import { isApiError } from '../api/client.ts';
import { useMe, useSignIn } from '../api/identity.ts';
import { describeError } from '../components/error-text.ts';
import { useI18n } from '../i18n/index.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { PageSpin } from './page-spin.tsx';

/** Only paths inside this app; never an absolute or protocol-relative address from the query string. */
function readNextPath(value: string | null): string {
  const isInternal = value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login');
  return value && isInternal ? value : '/workbench';
}

export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const next = readNextPath(searchParams.get('next'));
  const isExpired = searchParams.get('expired') === '1';

  if (me.isPending) return <PageSpin fullScreen />;
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const handleFinish = (values: TLogin) => {
    signIn.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  };

  // The server's own words first; our sentence only when a 401 came without a body (e.g. from a proxy).
  const errorText = signIn.error
    ? isApiError(signIn.error) && signIn.error.status === 401 && signIn.error.code.startsWith('HTTP_')
      ? t('login.wrongCredentials')
      : describeError(signIn.error, i18n)
    : null;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: 'linear-gradient(180deg, #10233f 0%, #1d4f91 45%, #f2f4f7 45%)',
      }}
    >
      <div style={{ position: 'fixed', top: 16, right: 20 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(16, 35, 63, 0.18)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <span className="app-logo-mark" style={{ width: 44, height: 44, fontSize: 22 }}>
            执
          </span>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            执行 · Zhixing
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.productName')}</Typography.Text>
        </Flex>
        {isExpired && !errorText ? (
          <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
        ) : null}
        {errorText ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form<TLogin>
          layout="vertical"
          requiredMark={false}
          onFinish={handleFinish}
          disabled={signIn.isPending}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={signIn.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24 }}>
        <Link to="/portal">{t('login.portalLink')}</Link>
      </Typography.Text>
    </Flex>
  );
}
