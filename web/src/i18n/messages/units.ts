import type { Bilingual } from '../bilingual.ts';

/** 联合惩戒单位: the system administrator registers outside units as API clients of matching. */
export const unitMessages = {
  'nav.units': { zh: '联合惩戒单位', en: 'Units' },

  'units.subtitle': {
    zh: '铁路、民航、银行、不动产登记、招投标平台等单位凭接入密钥调用失信与限消比对接口',
    en: 'Railways, airlines, banks, registries and tendering platforms call the matching API with their key',
  },
  'units.create': { zh: '登记单位', en: 'Register unit' },
  'units.createTitle': { zh: '登记联合惩戒单位', en: 'Register a joint-punishment unit' },
  'units.createSubmit': { zh: '登记并生成密钥', en: 'Register and issue key' },
  'units.empty': { zh: '尚未登记任何单位', en: 'No unit is registered yet' },

  'units.name': { zh: '单位名称', en: 'Unit' },
  'units.namePlaceholder': { zh: '如中国国家铁路集团有限公司', en: 'e.g. China State Railway Group' },
  'units.nameRequired': { zh: '请填写单位名称', en: 'Enter the unit’s name' },
  'units.scene': { zh: '惩戒场景', en: 'Scene' },
  'units.sceneRequired': { zh: '请选择惩戒场景', en: 'Choose the scene' },
  'units.sceneHint': {
    zh: '场景决定比对结果中该单位应执行的限制措施',
    en: 'The scene decides which restrictions the unit sees in a match',
  },
  'units.scene.railway': { zh: '铁路客运', en: 'Railway' },
  'units.scene.airline': { zh: '民航', en: 'Airline' },
  'units.scene.realEstate': { zh: '不动产登记', en: 'Real-estate registry' },
  'units.scene.finance': { zh: '金融机构', en: 'Finance' },
  'units.scene.tendering': { zh: '招标投标', en: 'Tendering' },
  'units.scene.border': { zh: '出入境边检', en: 'Exit control' },
  'units.capability': { zh: '接口权限', en: 'Capability' },
  'units.capability.match': { zh: '比对与变更订阅', en: 'Match + feed' },
  'units.capability.feed': { zh: '仅变更订阅', en: 'Change feed only' },
  'units.keyPrefix': { zh: '密钥前缀', en: 'Key prefix' },
  'units.ratePerMinute': { zh: '每分钟请求上限', en: 'Requests per minute' },
  'units.ratePerMinuteHint': { zh: '不填则为 6000', en: 'Defaults to 6,000' },
  'units.rateColumn': { zh: '限速（次/分）', en: 'Rate (/min)' },
  'units.quotaColumn': { zh: '日配额（对象）', en: 'Daily quota' },
  'units.webhookColumn': { zh: '推送地址', en: 'Webhook' },
  'units.dailyQuota': { zh: '每日比对对象配额', en: 'Daily subject quota' },
  'units.dailyQuotaHint': { zh: '不填则为 1 亿', en: 'Defaults to 100,000,000' },
  'units.webhookUrl': { zh: '推送地址（Webhook）', en: 'Webhook URL' },
  'units.webhookUrlHint': {
    zh: '可不填。填写后名单变更将签名推送至此地址，并生成签名密钥',
    en: 'Optional. List changes are pushed here, signed with a secret issued now',
  },
  'units.webhookUrlFormat': {
    zh: '请填写以 http:// 或 https:// 开头的地址',
    en: 'Enter an address starting with http:// or https://',
  },
  'units.createdAt': { zh: '登记时间', en: 'Registered' },
  'units.state': { zh: '状态', en: 'State' },
  'units.active': { zh: '有效', en: 'Active' },
  'units.revoked': { zh: '已吊销', en: 'Revoked' },
  'units.revokedAt': { zh: '于 {time}', en: 'on {time}' },
  'units.revoke': { zh: '吊销密钥', en: 'Revoke key' },
  'units.revokeConfirm': { zh: '吊销 {name} 的接入密钥？', en: 'Revoke the key of {name}?' },
  'units.revokeConfirmDetail': {
    zh: '吊销后该密钥在 5 秒内失效，且不可恢复；如需继续接入须重新登记。',
    en: 'The key stops working within 5 seconds and cannot be restored; register the unit again to reconnect.',
  },
  'units.revokedDone': { zh: '已吊销：{name}', en: 'Revoked {name}' },

  'units.keyTitle': { zh: '已登记：{name}', en: 'Registered {name}' },
  'units.keyWarning': {
    zh: '接入密钥仅显示这一次',
    en: 'The API key is shown this one time only',
  },
  'units.keyWarningDetail': {
    zh: '系统只保存密钥的摘要，关闭本窗口后无法再次查看。请立即复制并通过安全渠道交付该单位；遗失只能吊销后重新登记。',
    en: 'Only a digest of the key is stored; once this window is closed it cannot be shown again. Copy it now and hand it to the unit over a secure channel; a lost key can only be revoked and the unit registered again.',
  },
  'units.apiKey': { zh: '接入密钥（API key）', en: 'API key' },
  'units.webhookSecret': { zh: '推送签名密钥（Webhook secret）', en: 'Webhook secret' },
  'units.keyUsage': {
    zh: '调用方式：请求头 authorization: Bearer <接入密钥>',
    en: 'Usage: send the header authorization: Bearer <API key>',
  },
  'units.keySaved': { zh: '我已妥善保存', en: 'I have saved it' },
} satisfies Record<string, Bilingual>;
