import { Badge, Button, Typography } from 'antd';
import { NavLink, useNavigate } from 'react-router';
import { usePortalLogout } from '../../api/party.ts';
import { usePartyNotices } from '../../api/party-notices.ts';
import { usePortalSession } from '../../api/portal-session.ts';
import { useI18n } from '../../i18n/index.ts';

/** The signed-in person's links: their cases, their notices (with the unread count), sign out. */
export function MyNav() {
  const { t } = useI18n();
  const session = usePortalSession();
  const notices = usePartyNotices();
  const logout = usePortalLogout();
  const navigate = useNavigate();
  if (!session) return null;
  const unread = notices.data?.unread ?? 0;
  return (
    <>
      <NavLink to="/my" end data-testid="my-nav-cases">
        {t('my.nav.cases')}
      </NavLink>
      <NavLink to="/my/notices" data-testid="my-nav-notices">
        {t('my.nav.notices')}
        {unread > 0 ? (
          <>
            <span aria-hidden style={{ marginInlineStart: 4 }}>
              <Badge count={unread} size="small" style={{ boxShadow: 'none' }} />
            </span>
            <span className="visually-hidden">{t('my.nav.noticesUnread', { count: unread })}</span>
          </>
        ) : null}
      </NavLink>
      <Typography.Text style={{ color: '#fff' }} data-testid="my-user-name">
        {session.kind === 'lawyer' ? t('my.nav.lawyerName', { name: session.name }) : session.name}
      </Typography.Text>
      <Button
        type="link"
        size="small"
        style={{ color: '#c9d6ea', paddingInline: 0 }}
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/my/login') })}
        data-testid="my-logout"
      >
        {t('my.nav.logout')}
      </Button>
    </>
  );
}
