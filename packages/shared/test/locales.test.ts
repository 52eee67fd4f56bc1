import { describe, expect, it } from 'vitest';
import { localeDirection, matchLocale, negotiateLocale } from '../src/i18n/locales';

describe('which language a device shows', () => {
  it('matches a browser tag to a shipped language by its base ("es-MX" → es)', () => {
    expect(matchLocale('es-MX')).toBe('es');
    expect(matchLocale('AR_eg')).toBe('ar');
    expect(matchLocale('fr')).toBe('fr');
    expect(matchLocale('de-DE')).toBeUndefined();
    expect(matchLocale('')).toBeUndefined();
  });

  it('takes the device’s choice first, then the library’s default, then the browser’s', () => {
    const browser = ['de-DE', 'fr-CA', 'en'];
    expect(negotiateLocale({ device: 'ar', library: 'es', browser })).toBe('ar');
    expect(negotiateLocale({ device: null, library: 'es', browser })).toBe('es');
    expect(negotiateLocale({ device: null, library: null, browser })).toBe('fr');
    // A stored choice this version does not ship is passed over, not shown as English.
    expect(negotiateLocale({ device: 'de', library: 'xx', browser })).toBe('fr');
    expect(negotiateLocale({ browser: ['de', 'ja'] })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
  });

  it('mirrors Arabic only', () => {
    expect(localeDirection('ar')).toBe('rtl');
    expect(['en', 'es', 'fr'].map((l) => localeDirection(l as 'en'))).toEqual([
      'ltr',
      'ltr',
      'ltr',
    ]);
  });
});
