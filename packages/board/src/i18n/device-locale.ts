import { isLocale, type Locale, negotiateLocale } from '@roundtable/shared';

// The device's own choice, and the last library default this device heard (so a tablet
// without Wi-Fi still opens in the library's language).
const DEVICE_KEY = 'roundtable.locale';
const LIBRARY_KEY = 'roundtable.library-locale';

function read(key: string): Locale | null {
  try {
    const value = localStorage.getItem(key);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, value: Locale | null): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Private mode or a full disk: the choice lasts until the page closes.
  }
}

export const deviceLocale = (): Locale | null => read(DEVICE_KEY);
export const setDeviceLocale = (locale: Locale | null): void => write(DEVICE_KEY, locale);
export const cachedLibraryLocale = (): Locale | null => read(LIBRARY_KEY);
export const cacheLibraryLocale = (locale: Locale | null): void => write(LIBRARY_KEY, locale);

/** The language this device shows now: device choice > library default > browser. */
export function resolveLocale(): Locale {
  return negotiateLocale({ device: deviceLocale(), ...automatic() });
}

/** The language the device would show without a choice of its own. */
export function autoLocale(): Locale {
  return negotiateLocale(automatic());
}

function automatic() {
  return {
    library: cachedLibraryLocale(),
    browser: typeof navigator === 'undefined' ? [] : navigator.languages,
  };
}
