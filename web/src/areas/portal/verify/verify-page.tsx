import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  ConfigProvider,
  Flex,
  Form,
  Input,
  Layout,
  Space,
  Spin,
  Tabs,
  Typography,
  theme,
} from 'antd';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { useVerification } from '../../../api/documents.ts';
import { publicTheme } from '../../../app/theme.ts';
import { describeError } from '../../../components/error-text.ts';
import { useI18n } from '../../../i18n/index.ts';
import { PortalHeader } from '../portal-header.tsx';
import { VerificationResult } from './verification-result.tsx';
import { VerifyFile } from './verify-file.tsx';

// The verification code at a document's foot is its id: a UUID.
const codePattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By code: the code typed, the address names it (`/portal/verify/:id`), and the court's answer. */
function VerifyByCode({ code }: { code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const verification = useVerification(code);
  const isNotFound = isApiError(verification.error) && verification.error.status === 404;
  return (
    <Flex vertical gap={16}>
      <Form
        layout="vertical"
        initialValues={{ code }}
        onFinish={(values: { code: string }) =>
          navigate(`/portal/verify/${encodeURIComponent(values.code.trim().toLowerCase())}`)
        }
        data-testid="verify-code-form"
      >
        {/* The code and its button as one control; the inner item's message shows under both. */}
        <Form.Item label={t('verify.code')} required style={{ marginBottom: 0 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="code"
              noStyle
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (!codePattern.test((value ?? '').trim())) throw new Error(t('verify.codeInvalid'));
                  },
                },
              ]}
            >
              <Input
                size="large"
                aria-label={t('verify.code')}
                placeholder={t('verify.codePlaceholder')}
                maxLength={40}
                allowClear
                spellCheck={false}
                autoComplete="off"
                style={{ fontFamily: token.fontFamilyCode }}
                data-testid="verify-code"
              />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" data-testid="verify-submit">
              {t('verify.submit')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {code && verification.isFetching ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
      {isNotFound ? (
        <Alert type="error" showIcon title={t('verify.notFound')} data-testid="verify-not-found" />
      ) : null}
      {verification.error && !isNotFound ? (
        <Alert type="warning" showIcon title={describeError(verification.error, i18n)} />
      ) : null}
      {verification.data ? <VerificationResult verification={verification.data} /> : null}
    </Flex>
  );
}

/**
 * 文书验真 on the public portal (`/portal/verify`, `/portal/verify/:id`), no sign-in: anyone holding
 * a court document checks it was sealed by the court — by the verification code printed at its
 * foot, or by the file itself, whose SHA-256 is computed in the browser and compared with the
 * hashes of the documents the court served.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const code = codePattern.test(id) ? id.toLowerCase() : '';
  return (
    <ConfigProvider theme={publicTheme}>
      <Layout style={{ minHeight: '100vh' }}>
        <PortalHeader mainId="verify-main" />
        <Layout.Content id="verify-main" className="public-main" tabIndex={-1}>
          <Typography.Title level={1} data-testid="verify-title" style={{ fontSize: 28, marginBottom: 4 }}>
            <SafetyCertificateOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
            {t('verify.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
          <Card>
            <Tabs
              defaultActiveKey="code"
              items={[
                { key: 'code', label: t('verify.byCode'), children: <VerifyByCode key={code} code={code} /> },
                { key: 'file', label: t('verify.byFile'), children: <VerifyFile /> },
              ]}
            />
          </Card>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
