import { Card } from 'antd';
import { useCurrentUser } from '../../app/current-user.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { EntrustmentsPanel } from './entrustments-panel.tsx';

/** 委托事项 for every officer of a court: what other courts asked it to do, and what it asked of others. */
export function EntrustmentsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('command.entrust.pageTitle')} subtitle={user.court.name} />
      <Card size="small">
        <EntrustmentsPanel />
      </Card>
    </>
  );
}
