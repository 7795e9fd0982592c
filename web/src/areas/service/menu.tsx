import { CustomerServiceOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TUser } from '../../../../src/modules/identity/contracts.ts';
import { hasAnyRole } from '../../app/current-user.tsx';
import type { Bilingual } from '../../i18n/index.ts';
import { serviceMessages } from './messages.ts';
import { serviceDeskRoles } from './roles.ts';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The side menu's entry of the service window (执行事务中心), for the bureau's officers. */
export function serviceMenuItems(user: TUser, pick: (label: Bilingual) => string): MenuItem[] {
  if (!hasAnyRole(user, ...serviceDeskRoles)) return [];
  return [
    { key: '/service', icon: <CustomerServiceOutlined />, label: pick(serviceMessages['service.nav']) },
  ];
}
