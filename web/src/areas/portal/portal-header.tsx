import { Layout, Typography } from 'antd';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useI18n } from '../../i18n/index.ts';
import { transparencyMessages } from '../../i18n/messages/transparency.ts';

/** The public portal's header: its name and the navigation to its pages, party services and sign-in. */
export function PortalHeader({ mainId }: { mainId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <a className="public-skip" href={`#${mainId}`}>
        {t('disclosure.skip')}
      </a>
      <Layout.Header className="public-header">
        <Link to="/portal" style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
          <span className="app-logo-mark" aria-hidden>
            执
          </span>
          <Typography.Text style={{ color: '#fff', fontSize: 16 }} strong>
            {t('portal.brand')}
          </Typography.Text>
        </Link>
        <nav className="public-nav" aria-label={t('disclosure.nav.label')}>
          <Link to="/my" data-testid="portal-my-link">
            {t('disclosure.nav.my')}
          </Link>
          <NavLink to="/portal/verify" data-testid="portal-verify-link">
            {t('verify.nav')}
          </NavLink>
          <Link to="/portal/transparency" data-testid="portal-transparency-link">
            {i18n.pick(transparencyMessages['transparency.link'])}
          </Link>
          <Link to="/login">{t('portal.officerSignIn')}</Link>
          <LanguageSwitch />
        </nav>
      </Layout.Header>
    </>
  );
}
