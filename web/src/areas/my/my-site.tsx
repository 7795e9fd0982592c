import { ConfigProvider, Layout, Typography } from 'antd';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { publicTheme } from '../../app/theme.ts';
import { useI18n } from '../../i18n/index.ts';
import { CasePage } from './case/case-page.tsx';
import { CaseListPage } from './case-list-page.tsx';
import { MyNav } from './my-nav.tsx';
import { NoticesPage } from './notices/notices-page.tsx';
import { RequirePortal } from './require-portal.tsx';
import { SignInPage } from './sign-in/sign-in-page.tsx';

/**
 * The party and lawyer portal (当事人服务) at `/my`, no court sign-in: a party signs in with the
 * case number, their ID number and an SMS code, a lawyer with licence number and password; then
 * they follow their own cases and send the case team clues, messages and applications. Laid out
 * for a phone first, like the public portal.
 */
export function MySite() {
  const { t } = useI18n();
  return (
    <ConfigProvider theme={publicTheme}>
      <Layout style={{ minHeight: '100vh' }}>
        <a className="public-skip" href="#my-main">
          {t('my.skip')}
        </a>
        <Layout.Header className="public-header">
          <NavLink to="/my" end style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
            <span className="app-logo-mark" aria-hidden>
              执
            </span>
            <Typography.Text style={{ color: '#fff', fontSize: 16 }} strong ellipsis>
              {t('my.brand')}
            </Typography.Text>
          </NavLink>
          <nav className="public-nav" aria-label={t('my.nav.label')}>
            <MyNav />
            <NavLink to="/portal">{t('my.nav.portal')}</NavLink>
            <LanguageSwitch />
          </nav>
        </Layout.Header>
        <Layout.Content id="my-main" className="public-main" tabIndex={-1}>
          <Routes>
            <Route path="login" element={<SignInPage />} />
            <Route
              index
              element={
                <RequirePortal>
                  <CaseListPage />
                </RequirePortal>
              }
            />
            <Route
              path="cases/:id"
              element={
                <RequirePortal>
                  <CasePage />
                </RequirePortal>
              }
            />
            <Route
              path="notices"
              element={
                <RequirePortal>
                  <NoticesPage />
                </RequirePortal>
              }
            />
            <Route path="*" element={<Navigate to="/my" replace />} />
          </Routes>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', fontSize: 12, color: '#4a5a70' }}>
          {t('my.footer')}
        </Layout.Footer>
      </Layout>
    </ConfigProvider>
  );
}
