export type Lang = 'zh' | 'en';

/** A label the server sends in both languages. */
export type Bilingual = { zh: string; en: string };

/**
 * Server messages are bilingual strings, Chinese first: "身份证号校验位不正确 / ID number check digit is wrong".
 * Show only the half that matches the current language; a message without the separator is shown whole.
 */
export function pickMessageHalf(message: string, lang: Lang): string {
  const separator = message.indexOf(' / ');
  if (separator < 0) return message;
  const half = lang === 'zh' ? message.slice(0, separator) : message.slice(separator + 3);
  return half.trim() || message;
}

export function pickLabel(label: Bilingual | null | undefined, lang: Lang): string {
  if (!label) return '';
  return label[lang] || label.zh || label.en;
}
