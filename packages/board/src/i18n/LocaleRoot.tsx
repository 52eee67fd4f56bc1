import { I18nProvider } from '@lingui/react';
import { isLocale } from '@roundtable/shared';
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { cacheLibraryLocale, deviceLocale, resolveLocale } from './device-locale';
import { activateLocale, currentLocale, i18n } from './i18n';

activateLocale(resolveLocale());

/**
 * Gives the app its language, and follows the library's default when it changes. A change of
 * language draws the page afresh, so text read outside React's hooks (`t`) changes too.
 */
export function LocaleRoot({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState(currentLocale);
  useEffect(() => i18n.on('change', () => setLocale(currentLocale())), []);
  useEffect(() => {
    let live = true;
    fetch('/api/settings')
      .then((response) => (response.ok ? response.json() : null))
      .then((settings: { defaultLocale?: unknown } | null) => {
        if (!live || !settings) return;
        const library = isLocale(settings.defaultLocale) ? settings.defaultLocale : null;
        cacheLibraryLocale(library);
        if (!deviceLocale() && resolveLocale() !== currentLocale()) activateLocale(resolveLocale());
      })
      .catch(() => {}); // Offline: the cached library default stands.
    return () => {
      live = false;
    };
  }, []);
  return (
    <I18nProvider i18n={i18n}>
      <Fragment key={locale}>{children}</Fragment>
    </I18nProvider>
  );
}
