import { Tag } from 'antd';
import type { TRole } from '../../../src/modules/identity/contracts.ts';
import { useI18n } from '../i18n/index.ts';

const colorByRole: Record<TRole, string> = {
  judge: 'geekblue',
  assistant: 'cyan',
  bailiff: 'purple',
  clerk: 'green',
  commandCentre: 'gold',
  courtLeader: 'magenta',
  admin: 'red',
  gridWorker: 'lime',
  procurator: 'volcano',
};

export function RoleTags({ roles }: { roles: TRole[] }) {
  const { t } = useI18n();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={colorByRole[role]} variant="filled">
          {t(`role.${role}`)}
        </Tag>
      ))}
    </>
  );
}
