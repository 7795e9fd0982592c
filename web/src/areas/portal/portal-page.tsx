import { Button, Card, Flex, Layout, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useI18n } from '../../i18n/index.ts';

/** The public portal (执行信息公开). A placeholder: the portal area is built separately. */
export function PortalPage() {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#10233f' }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Flex align="center" gap={10}>
            <span className="app-logo-mark">执</span>
            <Typography.Text style={{ color: '#fff', fontSize: 16 }} strong>
              {t('portal.brand')}
            </Typography.Text>
          </Flex>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 960, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={2} data-testid="portal-title">
          执行信息公开
        </Typography.Title>
        <Card>
          <Result
            status="info"
            title={t('portal.comingSoon')}
            subTitle={t('portal.comingSoonDetail')}
            extra={
              <Link to="/login">
                <Button>{t('portal.officerSignIn')}</Button>
              </Link>
            }
          />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
