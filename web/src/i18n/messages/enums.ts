import type { Bilingual } from '../bilingual.ts';

/** Labels for the code values of the API (GLOSSARY.md: English in code, Chinese in the UI). */
export const enumMessages = {
  'status.filed': { zh: '已立案', en: 'Filed' },
  'status.inProgress': { zh: '执行中', en: 'In progress' },
  'status.suspended': { zh: '中止执行', en: 'Suspended' },
  'status.closed': { zh: '已结案', en: 'Closed' },

  'basisKind.judgment': { zh: '判决书 / 裁定书', en: 'Judgment / ruling' },
  'basisKind.mediation': { zh: '调解书', en: 'Mediation statement' },
  'basisKind.arbitration': { zh: '仲裁裁决书', en: 'Arbitral award' },
  'basisKind.notarizedDebt': { zh: '公证债权文书', en: 'Notarised debt instrument' },
  'basisKind.paymentOrder': { zh: '支付令', en: 'Payment order' },
  'basisKind.other': { zh: '其他生效法律文书', en: 'Other effective instrument' },

  'partyKind.natural': { zh: '自然人', en: 'Natural person' },
  'partyKind.legal': { zh: '法人', en: 'Legal person' },
  'partyKind.other': { zh: '非法人组织', en: 'Other organisation' },

  'agentKind.lawyer': { zh: '律师', en: 'Lawyer' },
  'agentKind.agent': { zh: '其他代理人', en: 'Other agent' },

  'role.judge': { zh: '执行法官', en: 'Judge' },
  'role.assistant': { zh: '法官助理', en: 'Judge assistant' },
  'role.bailiff': { zh: '司法警察', en: 'Bailiff' },
  'role.clerk': { zh: '书记员', en: 'Clerk' },
  'role.commandCentre': { zh: '指挥中心', en: 'Command centre' },
  'role.courtLeader': { zh: '院领导', en: 'Court leader' },
  'role.admin': { zh: '系统管理员', en: 'Administrator' },
  'role.gridWorker': { zh: '网格员', en: 'Grid worker' },
  'role.procurator': { zh: '检察官', en: 'Procurator' },

  'courtLevel.supreme': { zh: '最高人民法院', en: 'Supreme court' },
  'courtLevel.high': { zh: '高级人民法院', en: 'High court' },
  'courtLevel.intermediate': { zh: '中级人民法院', en: 'Intermediate court' },
  'courtLevel.basic': { zh: '基层人民法院', en: 'Basic court' },
  'courtLevel.detachedTribunal': { zh: '派出法庭', en: 'Detached tribunal' },

  'triage.simple': { zh: '简案', en: 'Simple' },
  'triage.complex': { zh: '难案', en: 'Complex' },

  'flag.stateOrgan': { zh: '涉党政机关', en: 'State organ' },
  'flag.military': { zh: '涉军', en: 'Military' },
  'flag.livelihood': { zh: '涉民生', en: 'Livelihood' },
  'flag.enterprise': { zh: '涉企', en: 'Enterprise' },

  'deadlineState.open': { zh: '进行中', en: 'Open' },
  'deadlineState.met': { zh: '已完成', en: 'Met' },
  'deadlineState.overdue': { zh: '已超期', en: 'Overdue' },

  // As the server names them (cases/rules/closing.ts): the case list sends only the codes.
  'closingType.fulfilled': { zh: '执行完毕', en: 'Fulfilled' },
  'closingType.terminatedThisRound': { zh: '终结本次执行程序', en: 'This round of enforcement terminated' },
  'closingType.terminated': { zh: '终结执行', en: 'Enforcement terminated' },
  'closingType.withdrawn': { zh: '销案', en: 'Withdrawn' },
  'closingType.notEnforced': { zh: '不予执行', en: 'Not enforced' },
  'closingType.rejected': { zh: '驳回申请', en: 'Application rejected' },
} satisfies Record<string, Bilingual>;
