import type { Bilingual } from '../bilingual.ts';

/** The audit transparency page (审计透明度): the audit chain's signed daily roots and the public key. */
export const transparencyMessages = {
  'transparency.link': { zh: '审计透明度', en: 'Audit transparency' },
  'transparency.title': { zh: '审计透明度', en: 'Audit transparency' },
  'transparency.intro': {
    zh: '本系统的每一次写入和每一次个人信息查询都记入审计链，系统定时以签名密钥对链头签名。下表列出每个自然日（北京时间）最后一个签名检查点，即“每日根”。任何人都可以留存这些记录并用下方公钥核验签名：此后若有审计记录被删除或改写，审计链将与此处公布的每日根不符。',
    en: "Every write and every read of personal data is recorded in the audit chain, and the chain's head is signed at regular intervals with the system's signing key. Below is the last signed checkpoint of each day (China time), its daily root. Anyone may keep these and check them with the public key below: should audit records later be deleted or rewritten, the chain will no longer match the roots published here.",
  },
  'transparency.publicKey': { zh: '签名公钥（Ed25519）', en: 'Signing key (Ed25519, public)' },
  'transparency.keyId': { zh: '密钥指纹', en: 'Key fingerprint' },
  'transparency.chain': { zh: '审计链标识', en: 'Chain' },
  'transparency.roots': { zh: '每日根', en: 'Daily roots' },
  'transparency.date': { zh: '日期', en: 'Date' },
  'transparency.chainSeq': { zh: '记录数', en: 'Records' },
  'transparency.headHash': { zh: '链头哈希', en: 'Head hash' },
  'transparency.signedAt': { zh: '签名时间', en: 'Signed at' },
  'transparency.signature': { zh: '签名', en: 'Signature' },
  'transparency.howToVerify': { zh: '如何核验', en: 'How to check a root' },
  'transparency.howToVerifyText': {
    zh: '被签名的内容是下列各项以换行符连接的 UTF-8 文本，签名为 Base64 编码的 Ed25519 签名：',
    en: 'The signed message is the UTF-8 text of these fields joined by newlines; the signature is Ed25519, in Base64:',
  },
  'transparency.noKey': {
    zh: '系统尚未生成签名密钥（后台任务首次运行时生成）。',
    en: 'The system has no signing key yet (the worker makes it when it first runs).',
  },
  'transparency.none': { zh: '暂无签名检查点', en: 'No signed checkpoint yet' },
  'transparency.back': { zh: '返回执行信息公开', en: 'Back to enforcement disclosure' },
} satisfies Record<string, Bilingual>;

export type TransparencyMessageKey = keyof typeof transparencyMessages;
