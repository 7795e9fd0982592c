import { Layout, Typography } from 'antd';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useI18n } from '../../i18n/index.ts';
import './auction.css';
import { LotPage } from './lot-page.tsx';
import { MyBidsPage } from './my-bids-page.tsx';
import { RegisterPage } from './register-page.tsx';
import { SearchPage } from './search-page.tsx';

/**
 * The public auction site (网络司法拍卖) at `/auction`, no court sign-in: the search, a lot's page,
 * a bidder's registration and their own bids. Laid out like the public portal, and for a phone
 * first: one column under 576 px, the price panel above the photos.
 */
export function AuctionSite() {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="auction-skip" href="#auction-main">
        {t('auction.skip')}
      </a>
      <Layout.Header className="auction-header">
        <NavLink to="/auction" end style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
          <span className="app-logo-mark" aria-hidden>
            拍
          </span>
          <Typography.Text style={{ color: '#fff', fontSize: 16 }} strong ellipsis>
            {t('auction.brand')}
          </Typography.Text>
        </NavLink>
        <nav
          className="auction-nav"
          aria-label={t('auction.nav.label')}
          style={{ display: 'flex', gap: 16, alignItems: 'center' }}
        >
          <NavLink to="/auction" end data-testid="auction-nav-search">
            {t('auction.nav.search')}
          </NavLink>
          <NavLink to="/auction/me" data-testid="auction-nav-me">
            {t('auction.nav.me')}
          </NavLink>
          <LanguageSwitch />
        </nav>
      </Layout.Header>
      <Layout.Content id="auction-main" className="auction-main" tabIndex={-1}>
        <Routes>
          <Route index element={<SearchPage />} />
          <Route path="lots/:id" element={<LotPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="me" element={<MyBidsPage />} />
          <Route path="*" element={<Navigate to="/auction" replace />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12, color: '#6b7a90' }}>
        {t('auction.footer')}
      </Layout.Footer>
    </Layout>
  );
}
