import type { CourtLevel } from '../../kernel/index.ts';
import type { Role } from './actor.ts';

/** The demo province: the SPC and six Zhejiang courts, with a detached tribunal under Xihu. */
export const demoCourts: {
  key: string;
  name: string;
  courtCode: string;
  level: CourtLevel;
  divisionCode: string;
  parent: string | null;
}[] = [
  {
    key: 'spc',
    name: '最高人民法院',
    courtCode: '最高法',
    level: 'supreme',
    divisionCode: '100000',
    parent: null,
  },
  {
    key: 'zj',
    name: '浙江省高级人民法院',
    courtCode: '浙',
    level: 'high',
    divisionCode: '330000',
    parent: 'spc',
  },
  {
    key: 'hz',
    name: '杭州市中级人民法院',
    courtCode: '浙01',
    level: 'intermediate',
    divisionCode: '330100',
    parent: 'zj',
  },
  {
    key: 'xihu',
    name: '杭州市西湖区人民法院',
    courtCode: '浙0106',
    level: 'basic',
    divisionCode: '330106',
    parent: 'hz',
  },
  {
    key: 'shangcheng',
    name: '杭州市上城区人民法院',
    courtCode: '浙0102',
    level: 'basic',
    divisionCode: '330102',
    parent: 'hz',
  },
  {
    key: 'nb',
    name: '宁波市中级人民法院',
    courtCode: '浙02',
    level: 'intermediate',
    divisionCode: '330200',
    parent: 'zj',
  },
  {
    key: 'haishu',
    name: '宁波市海曙区人民法院',
    courtCode: '浙0203',
    level: 'basic',
    divisionCode: '330203',
    parent: 'nb',
  },
  {
    key: 'liuxia',
    name: '杭州市西湖区人民法院留下人民法庭',
    courtCode: '浙0106',
    level: 'detachedTribunal',
    divisionCode: '330106',
    parent: 'xihu',
  },
];

export type DemoAccount = {
  username: string;
  displayName: string;
  court: string;
  roles: Role[];
  description: string;
};

export const demoAccounts: DemoAccount[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    court: 'spc',
    roles: ['admin'],
    description: '系统管理员 · 最高人民法院 (system administrator)',
  },
  {
    username: 'xihu.judge',
    displayName: '林立',
    court: 'xihu',
    roles: ['judge'],
    description: '执行法官 · 西湖区法院 (judge, 浙0106)',
  },
  {
    username: 'xihu.assistant',
    displayName: '陈晓',
    court: 'xihu',
    roles: ['assistant'],
    description: '法官助理 · 西湖区法院 (assistant)',
  },
  {
    username: 'xihu.bailiff',
    displayName: '赵强',
    court: 'xihu',
    roles: ['bailiff'],
    description: '司法警察 · 西湖区法院 (bailiff)',
  },
  {
    username: 'xihu.clerk',
    displayName: '孙敏',
    court: 'xihu',
    roles: ['clerk'],
    description: '书记员 · 西湖区法院 (clerk)',
  },
  {
    username: 'xihu.president',
    displayName: '周正',
    court: 'xihu',
    roles: ['courtLeader'],
    description: '院领导 · 西湖区法院 (court leader)',
  },
  {
    username: 'xihu.grid',
    displayName: '孙丽',
    court: 'xihu',
    roles: ['gridWorker'],
    description: '网格员 · 西湖区 (grid worker for area 330106)',
  },
  {
    username: 'xihu.procurator',
    displayName: '钟毅',
    court: 'xihu',
    roles: ['procurator'],
    description: '检察官 · 西湖区人民检察院 (procurator, attached to 浙0106; sees only supervised cases)',
  },
  {
    username: 'xihu.judge2',
    displayName: '何静',
    court: 'xihu',
    roles: ['judge'],
    description: '执行法官 · 西湖区法院 第二团队 (judge, team 2)',
  },
  {
    username: 'xihu.assistant2',
    displayName: '冯涛',
    court: 'xihu',
    roles: ['assistant'],
    description: '法官助理 · 西湖区法院 第二团队',
  },
  {
    username: 'shangcheng.judge',
    displayName: '吴磊',
    court: 'shangcheng',
    roles: ['judge'],
    description: '执行法官 · 上城区法院 (judge, 浙0102)',
  },
  {
    username: 'shangcheng.assistant',
    displayName: '褚云',
    court: 'shangcheng',
    roles: ['assistant'],
    description: '法官助理 · 上城区法院',
  },
  {
    username: 'haishu.judge',
    displayName: '蒋平',
    court: 'haishu',
    roles: ['judge'],
    description: '执行法官 · 海曙区法院 (judge, 浙0203)',
  },
  {
    username: 'haishu.assistant',
    displayName: '沈洁',
    court: 'haishu',
    roles: ['assistant'],
    description: '法官助理 · 海曙区法院',
  },
  {
    username: 'hz.command',
    displayName: '郑华',
    court: 'hz',
    roles: ['commandCentre'],
    description: '执行指挥中心 · 杭州中院 (command centre, 浙01)',
  },
  {
    username: 'zj.command',
    displayName: '钱明',
    court: 'zj',
    roles: ['commandCentre'],
    description: '执行指挥中心 · 浙江高院 (command centre, 浙)',
  },
  {
    username: 'spc.command',
    displayName: '许宁',
    court: 'spc',
    roles: ['commandCentre'],
    description: '执行指挥中心 · 最高人民法院 (command centre, SPC)',
  },
];

export const demoTeams = [
  {
    name: '西湖执行一组',
    court: 'xihu',
    judge: 'xihu.judge',
    assistant: 'xihu.assistant',
    bailiff: 'xihu.bailiff',
    clerk: 'xihu.clerk',
  },
  {
    name: '西湖执行二组',
    court: 'xihu',
    judge: 'xihu.judge2',
    assistant: 'xihu.assistant2',
    bailiff: null,
    clerk: null,
  },
  {
    name: '上城执行一组',
    court: 'shangcheng',
    judge: 'shangcheng.judge',
    assistant: 'shangcheng.assistant',
    bailiff: null,
    clerk: null,
  },
  {
    name: '海曙执行一组',
    court: 'haishu',
    judge: 'haishu.judge',
    assistant: 'haishu.assistant',
    bailiff: null,
    clerk: null,
  },
] as const;
