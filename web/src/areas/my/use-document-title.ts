import { useEffect } from 'react';
import { useI18n } from '../../i18n/index.ts';

/** Each page of the portal names itself in the browser's title (what a screen reader announces first). */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  const brand = t('my.brand');
  useEffect(() => {
    const before = document.title;
    document.title = title === brand ? brand : `${title} - ${brand}`;
    return () => {
      document.title = before;
    };
  }, [title, brand]);
}
