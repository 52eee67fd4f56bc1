import { z } from 'zod';

/** The languages Roundtable ships, source language first. */
export const LOCALES = ['en', 'es', 'fr', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';
export const localeSchema = z.enum(LOCALES);

/** Each language's own name for itself, shown in the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  ar: 'العربية',
};

const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The shipped locale a BCP 47 tag asks for ("es-MX" → "es"), or undefined. */
export function matchLocale(tag: string): Locale | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}

/**
 * The language a device shows. Precedence: the device's own choice, then the library's
 * default, then the browser's languages in order, then the source language.
 */
export function negotiateLocale(input: {
  device?: string | null;
  library?: string | null;
  browser?: readonly string[];
}): Locale {
  const device = input.device ? matchLocale(input.device) : undefined;
  if (device) return device;
  const library = input.library ? matchLocale(input.library) : undefined;
  if (library) return library;
  for (const tag of input.browser ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return SOURCE_LOCALE;
}
