import { useEffect } from 'react';
import { t } from '../i18n';

/** The browser tab says what this page is ("Group A · Question poster · Roundtable"). */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? t('title.page', { title }) : t('app.name');
  }, [title]);
}
