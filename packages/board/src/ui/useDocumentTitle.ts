import { useEffect } from 'react';

/** The browser tab says what this page is ("Group A · Question poster · Roundtable"). */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Roundtable` : 'Roundtable';
  }, [title]);
}
