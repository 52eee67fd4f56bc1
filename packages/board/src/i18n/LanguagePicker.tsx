import { LOCALE_NAMES, LOCALES, type Locale } from '@roundtable/shared';
import { autoLocale, deviceLocale, resolveLocale, setDeviceLocale } from './device-locale';
import { activateLocale } from './i18n';
import { useT } from './useT';
import './language-picker.css';

const AUTO = 'auto';

/** Chooses this device's language (kept on the device); "auto" follows library and browser. */
export function LanguagePicker() {
  const t = useT();
  const chosen = deviceLocale();
  const change = (value: string) => {
    setDeviceLocale(value === AUTO ? null : (value as Locale));
    activateLocale(resolveLocale());
  };
  return (
    <label className="language-picker">
      <span>{t('language.label')}</span>
      <select
        value={chosen ?? AUTO}
        onChange={(event) => change(event.target.value)}
        data-testid="language-picker"
      >
        <option value={AUTO}>{t('language.auto', { name: LOCALE_NAMES[autoLocale()] })}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
