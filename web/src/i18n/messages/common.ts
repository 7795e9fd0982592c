import type { Bilingual } from '../bilingual.ts';

export const commonMessages = {
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.yuan': { zh: '元', en: 'yuan' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.create': { zh: '创建', en: 'Create' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.retry': { zh: '重试', en: 'Try again' },
  'common.loading': { zh: '正在加载…', en: 'Loading…' },
  'common.language': { zh: '界面语言', en: 'Language' },
  'common.loadFailed': { zh: '数据加载失败', en: 'Could not load the data' },
  'common.notFound': { zh: '未找到', en: 'Not found' },
  'common.pageNotFound': { zh: '页面不存在', en: 'This page does not exist' },
  'common.forbidden': { zh: '无权访问', en: 'Not permitted' },
  'common.forbiddenPage': { zh: '您的角色无权打开此页面。', en: 'Your role may not open this page.' },
  'common.unexpectedError': {
    zh: '系统出现意外错误，请稍后重试',
    en: 'Something unexpected went wrong; please try again',
  },
  'common.checkForm': {
    zh: '请根据提示修改后重新提交',
    en: 'Please correct the marked fields and submit again',
  },
  'common.masked': { zh: '已脱敏', en: 'Masked' },
  'common.maskedHint': {
    zh: '您不是本案执行团队成员，敏感信息已脱敏显示',
    en: 'You are not on this case team, so personal data is masked',
  },

  'nav.workbench': { zh: '工作台', en: 'Workbench' },
  'nav.fileCase': { zh: '立案', en: 'File a case' },
  'nav.admin': { zh: '系统管理', en: 'Administration' },
  'nav.courts': { zh: '法院', en: 'Courts' },
  'nav.users': { zh: '用户', en: 'Users' },
  'nav.teams': { zh: '执行团队', en: 'Teams' },
  'nav.signOut': { zh: '退出登录', en: 'Sign out' },

  'login.productName': { zh: '人民法院执行信息系统', en: "People's Courts Enforcement Information System" },
  'login.username': { zh: '用户名', en: 'Username' },
  'login.password': { zh: '密码', en: 'Password' },
  'login.usernameRequired': { zh: '请输入用户名', en: 'Enter your username' },
  'login.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'login.submit': { zh: '登录', en: 'Sign in' },
  'login.wrongCredentials': { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  'login.sessionExpired': {
    zh: '登录已过期，请重新登录',
    en: 'Your session has ended; please sign in again',
  },
  'login.portalLink': { zh: '执行信息公开网', en: 'Public enforcement information' },

  'deadline.daysLeft': { zh: '剩 {days} 天', en: '{days} days left' },
  'deadline.overdueBy': { zh: '超期 {days} 天', en: '{days} days overdue' },
  'deadline.workingDaysLeft': { zh: '剩 {days} 个工作日', en: '{days} working days left' },
  'deadline.overdueByWorkingDays': { zh: '超期 {days} 个工作日', en: '{days} working days overdue' },
  'deadline.dueToday': { zh: '今日到期', en: 'Due today' },
  'deadline.dueOn': { zh: '截止日期：{date}', en: 'Due on {date}' },

  'portal.brand': { zh: '人民法院执行信息公开', en: "People's Courts Enforcement Disclosure" },
  'portal.comingSoon': { zh: '公开信息即将上线', en: 'Public information is coming soon' },
  'portal.comingSoonDetail': {
    zh: '案件流程、失信被执行人名单、限制消费令与悬赏公告将在此公布。',
    en: 'Case progress, the dishonest-debtor list, consumption restrictions and reward notices will be published here.',
  },
  'portal.officerSignIn': { zh: '法院工作人员登录', en: 'Court staff sign-in' },
} satisfies Record<string, Bilingual>;
