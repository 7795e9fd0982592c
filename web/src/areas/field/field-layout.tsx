import { CloudUploadOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../../app/current-user.tsx';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useIsOfflineUser } from './field-guard.tsx';
import { useFieldSync } from './field-sync.tsx';
import { useOutbox, useSyncStatus } from './outbox/use-outbox.ts';
import { useFieldText } from './use-field-text.ts';
import { useOnline } from './use-online.ts';

/** The header every field page shares: where you are, what waits to be synced, and 同步. */
export function FieldLayout({ children }: { children: ReactNode }) {
  const text = useFieldText();
  const location = useLocation();
  const isHome = location.pathname === '/field' || location.pathname === '/field/';
  return (
    <div style={{ minHeight: '100vh', background: '#f2f4f7' }}>
      <a className="field-skip" href="#field-main">
        {text('field.skip')}
      </a>
      <header className="field-header">
        {isHome ? (
          <span className="field-brand">
            <span className="app-logo-mark" aria-hidden>
              执
            </span>
            <h1 style={{ margin: 0, fontSize: 16, color: '#fff' }}>{text('field.brand')}</h1>
          </span>
        ) : (
          <Link to="/field" className="field-brand" data-testid="field-back">
            <LeftOutlined aria-hidden />
            {text('field.back')}
          </Link>
        )}
        <span className="field-tools">
          <SyncControl />
          <LanguageSwitch />
        </span>
      </header>
      <StatusBanners />
      <main id="field-main" className="field-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

function SyncControl() {
  const text = useFieldText();
  const user = useCurrentUser();
  const sync = useFieldSync();
  const status = useSyncStatus();
  const { records } = useOutbox();
  const pending = records.filter((r) => r.userId === user.id).length;
  return (
    <>
      {pending > 0 ? (
        <Tag color="orange" data-testid="field-pending" style={{ marginInlineEnd: 0, color: '#ad4e00' }}>
          {text('field.pending', { count: pending })}
        </Tag>
      ) : null}
      <Button
        size="small"
        icon={<CloudUploadOutlined aria-hidden />}
        loading={status.running}
        onClick={() => void sync()}
        data-testid="field-sync"
        data-state={status.running ? 'running' : (status.problem ?? 'idle')}
      >
        {text('field.sync')}
      </Button>
    </>
  );
}

function StatusBanners() {
  const text = useFieldText();
  const user = useCurrentUser();
  const isOnline = useOnline();
  const isOfflineUser = useIsOfflineUser();
  const status = useSyncStatus();
  const { records, error } = useOutbox();
  const others = records.filter((r) => r.userId !== user.id).length;
  const banners: { key: string; type: 'warning' | 'error' | 'info'; body: ReactNode }[] = [];
  if (!isOnline)
    banners.push({
      key: 'offline',
      type: 'warning',
      body: isOfflineUser ? text('field.offlineUser', { name: user.displayName }) : text('field.offline'),
    });
  else if (status.problem && status.problem !== 'offline')
    banners.push({
      key: 'problem',
      type: status.problem === 'server' ? 'warning' : 'error',
      body: (
        <Flex gap={8} wrap align="center">
          {text(`field.problem.${status.problem}`)}
          {status.problem === 'signedOut' ? (
            <Link to={`/login?${new URLSearchParams({ next: '/field' }).toString()}`}>
              {text('field.signIn')}
            </Link>
          ) : null}
        </Flex>
      ),
    });
  else if (status.problem === 'offline')
    banners.push({ key: 'unreachable', type: 'warning', body: text('field.problem.offline') });
  if (error) banners.push({ key: 'storage', type: 'error', body: text('field.problem.storage') });
  if (others > 0)
    banners.push({ key: 'others', type: 'info', body: text('field.otherUsers', { count: others }) });
  if (banners.length === 0) return null;
  return (
    <div role="status" data-testid="field-banners">
      {banners.map((b) => (
        <Alert key={b.key} type={b.type} banner title={b.body} data-testid={`field-banner-${b.key}`} />
      ))}
    </div>
  );
}
