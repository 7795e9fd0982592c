import {
  AccountBookOutlined,
  ApartmentOutlined,
  ApiOutlined,
  BankOutlined,
  ColumnHeightOutlined,
  DesktopOutlined,
  FileAddOutlined,
  FundProjectionScreenOutlined,
  KeyOutlined,
  LogoutOutlined,
  MobileOutlined,
  NotificationOutlined,
  RadarChartOutlined,
  SendOutlined,
  StopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, ConfigProvider, Dropdown, Flex, Layout, Menu, type MenuProps, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignOut } from '../api/identity.ts';
import { commandDeskRoles, entrustmentRoles } from '../areas/command/roles.ts';
import { fieldMessages } from '../areas/field/messages.ts';
import { serviceMenuItems } from '../areas/service/menu.tsx';
import { describeError } from '../components/error-text.ts';
import { useI18n } from '../i18n/index.ts';
import {
  canFileCases,
  fundsDeskRoles,
  hasAnyRole,
  isCourtStaff,
  isTeamRole,
  useCurrentUser,
} from './current-user.tsx';
import { DensityProvider, tableTokensOf, useDensity } from './density.tsx';
import { InboxBell } from './inbox-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PageSpin } from './page-spin.tsx';

const screenPath = '/command/screen';

/** Which menu entry a path belongs to: a case page lives under the workbench. */
function selectMenuKey(pathname: string): string {
  if (pathname.startsWith('/cases/new')) return '/cases/new';
  if (pathname.startsWith('/cases/')) return '/workbench';
  if (pathname.startsWith('/command/entrustments')) return '/command/entrustments';
  if (pathname.startsWith('/command')) return '/command';
  return pathname;
}

/** The signed-in layout, in the user's table density (compact by default). */
export function AppLayout() {
  const user = useCurrentUser();
  return (
    <DensityProvider username={user.username}>
      <DensityTheme>
        <AppFrame />
      </DensityTheme>
    </DensityProvider>
  );
}

function DensityTheme({ children }: { children: ReactNode }) {
  const { density } = useDensity();
  return (
    <ConfigProvider theme={{ components: { Table: tableTokensOf(density) } }}>{children}</ConfigProvider>
  );
}

function AppFrame() {
  const user = useCurrentUser();
  const { density, setDensity } = useDensity();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const signOut = useSignOut();
  const [isCollapsed, setIsCollapsed] = useState(false);

  const menuItems: MenuProps['items'] = [];
  if (isCourtStaff(user))
    menuItems.push({ key: '/workbench', icon: <DesktopOutlined />, label: t('nav.workbench') });
  if (canFileCases(user))
    menuItems.push({ key: '/cases/new', icon: <FileAddOutlined />, label: t('nav.fileCase') });
  if (isTeamRole(user))
    menuItems.push({ key: '/field', icon: <MobileOutlined />, label: i18n.pick(fieldMessages['field.nav']) });
  if (hasAnyRole(user, 'judge', 'assistant', 'bailiff', 'clerk', 'courtLeader', 'commandCentre'))
    menuItems.push({ key: '/credit/entries', icon: <StopOutlined />, label: t('nav.credit') });
  if (hasAnyRole(user, ...fundsDeskRoles))
    menuItems.push({ key: '/funds', icon: <AccountBookOutlined />, label: t('nav.funds') });
  if (hasAnyRole(user, ...commandDeskRoles)) {
    menuItems.push({ key: '/command', icon: <RadarChartOutlined />, label: t('nav.command') });
    menuItems.push({
      key: screenPath,
      icon: <FundProjectionScreenOutlined />,
      label: t('nav.commandScreen'),
    });
  }
  if (hasAnyRole(user, ...entrustmentRoles))
    menuItems.push({ key: '/command/entrustments', icon: <SendOutlined />, label: t('nav.entrustments') });
  menuItems.push(...serviceMenuItems(user, i18n.pick));
  if (hasAnyRole(user, 'gridWorker'))
    menuItems.push({ key: '/credit/grid', icon: <NotificationOutlined />, label: t('nav.gridInbox') });
  if (hasAnyRole(user, 'admin')) {
    menuItems.push({
      key: 'admin',
      type: 'group',
      label: t('nav.admin'),
      children: [
        { key: '/admin/courts', icon: <BankOutlined />, label: t('nav.courts') },
        { key: '/admin/users', icon: <UserOutlined />, label: t('nav.users') },
        { key: '/admin/teams', icon: <TeamOutlined />, label: t('nav.teams') },
        { key: '/admin/institutions', icon: <ApiOutlined />, label: t('nav.institutions') },
        { key: '/admin/units', icon: <KeyOutlined />, label: t('nav.units') },
      ],
    });
  }

  const handleSignOut = () => {
    signOut.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) => {
        message.error(describeError(error, i18n));
        navigate('/login', { replace: true });
      },
    });
  };

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <div style={{ maxWidth: 240 }}>
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {user.username} · {user.roles.map((role) => t(`role.${role}`)).join('、')}
            </Typography.Text>
          </div>
        ),
      },
      { type: 'divider' },
      {
        key: 'density',
        icon: <ColumnHeightOutlined />,
        label: (
          <span data-testid="density-toggle">
            {t(density === 'compact' ? 'nav.density.comfortable' : 'nav.density.compact')}
          </span>
        ),
      },
      {
        key: 'sign-out',
        icon: <LogoutOutlined />,
        label: <span data-testid="sign-out">{t('nav.signOut')}</span>,
        danger: true,
      },
    ],
    onClick: ({ key }) => {
      if (key === 'sign-out') handleSignOut();
      if (key === 'density') setDensity(density === 'compact' ? 'comfortable' : 'compact');
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={isCollapsed}
        onCollapse={setIsCollapsed}
        breakpoint="lg"
        width={208}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div className="app-logo">
          <span className="app-logo-mark">执</span>
          {isCollapsed ? null : (
            <span>
              <strong style={{ fontSize: 16 }}>执行</strong>
              <span style={{ opacity: 0.65, marginInlineStart: 6, fontSize: 12 }}>Zhixing</span>
            </span>
          )}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectMenuKey(location.pathname)]}
          items={menuItems}
          onClick={({ key }) => {
            // The big screen is a wall display of its own: it opens in a window of its own.
            if (key === screenPath) window.open(screenPath, '_blank', 'noopener');
            else navigate(key);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ position: 'sticky', top: 0, zIndex: 10, borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={16}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }} data-testid="header-court">
              <ApartmentOutlined style={{ color: 'var(--ant-color-primary)' }} />
              <Typography.Text strong ellipsis>
                {user.court.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {user.court.courtCode}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={16}>
              <InboxBell />
              <LanguageSwitch />
              <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
                <button
                  type="button"
                  data-testid="user-menu"
                  style={{
                    background: 'none',
                    border: 0,
                    padding: 0,
                    cursor: 'pointer',
                    display: 'flex',
                    gap: 8,
                    alignItems: 'center',
                  }}
                >
                  <Avatar size="small" style={{ background: '#1d4f91' }}>
                    {user.displayName.slice(0, 1)}
                  </Avatar>
                  <Typography.Text className="header-user-name" style={{ whiteSpace: 'nowrap' }}>
                    {user.displayName}
                  </Typography.Text>
                </button>
              </Dropdown>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
