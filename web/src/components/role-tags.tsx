import { Tag } from 'antd';
import type { Role } from '../api/identity.ts';
import { useI18n } from '../i18n/index.ts';

const colorByRole: Record<Role, string> = {
  judge: 'geekblue',
  assistant: 'cyan',
  bailiff: 'purple',
  clerk: 'green',
  commandCentre: 'gold',
  courtLeader: 'magenta',
  admin: 'red',
  gridWorker: 'lime',
};

export function RoleTags({ roles }: { roles: Role[] }) {
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
