import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { cacheLibraryLocale, deviceLocale, resolveLocale } from './device-locale';
import { activateLocale } from './i18n';
import { useT } from './useT';
import './language-picker.css';

const NONE = 'none';

/** The librarian sets the library's default language (devices without a choice follow it). */
export function LibraryLanguage() {
  const t = useT();
  const [value, setValue] = useState<Locale | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ defaultLocale: unknown }>('GET', '/api/settings').then(
      (settings) => setValue(isLocale(settings.defaultLocale) ? settings.defaultLocale : null),
      (caught: Error) => setError(caught.message),
    );
  }, []);
  const change = async (next: Locale | null) => {
    setError(null);
    try {
      await api('PUT', '/api/settings', { defaultLocale: next });
      setValue(next);
      cacheLibraryLocale(next);
      if (!deviceLocale()) activateLocale(resolveLocale());
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  if (value === undefined) return null;
  return (
    <label className="language-picker">
      <span>{t('language.libraryDefault')}</span>
      <select
        value={value ?? NONE}
        data-testid="library-language"
        onChange={(event) =>
          void change(event.target.value === NONE ? null : (event.target.value as Locale))
        }
      >
        <option value={NONE}>{t('language.libraryNone')}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      {error && <span role="alert">{error}</span>}
    </label>
  );
}
