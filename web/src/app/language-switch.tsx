import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n/index.ts';

const options: { label: string; value: Lang }[] = [
  { label: '中文', value: 'zh' },
  { label: 'EN', value: 'en' },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('common.language')}
      data-testid="language-switch"
      options={options}
      value={lang}
      onChange={setLang}
    />
  );
}
