import { setupI18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { type Locale, localeDirection, SOURCE_LOCALE } from '@roundtable/shared';
import { CATALOGS, type MessageId, SOURCE_CATALOG } from './catalog';

/** Values for a message's {placeholders}: numbers go through plural/number rules. */
export type MessageValues = Record<string, string | number | Date>;

/** The one Lingui instance of the board app (Lingui's runtime API; see README.md for why). */
export const i18n = setupI18n();

// Ids shown in the source language because the active catalog lacks them; the e2e reads this.
const fallbacks = new Set<string>();

function compiledCatalog(locale: Locale) {
  const own = CATALOGS[locale];
  const messages: Record<string, ReturnType<typeof compileMessage>> = {};
  for (const id of Object.keys(SOURCE_CATALOG) as MessageId[]) {
    const text = own[id];
    messages[id] = compileMessage(text ? text : SOURCE_CATALOG[id]);
  }
  return messages;
}

/** Switches the app's language and mirrors the page for right-to-left languages. */
export function activateLocale(locale: Locale): void {
  if (!i18n.messages || i18n.locale !== locale) {
    i18n.load(locale, compiledCatalog(locale));
    i18n.activate(locale);
  }
  fallbacks.clear();
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.documentElement.dir = localeDirection(locale);
  }
}

export function currentLocale(): Locale {
  return (i18n.locale || SOURCE_LOCALE) as Locale;
}

/** Words a message in the active language. Outside React, or in code that reads it at draw time. */
export function t(id: MessageId, values?: MessageValues): string {
  const own = CATALOGS[currentLocale()][id];
  if (!own) {
    fallbacks.add(id);
    exposeForTests();
  }
  return i18n._(id, values);
}

/** A date in the active language ("2 déc. 2026, 14:05"). */
export function formatDate(value: Date | number, options?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(
    currentLocale(),
    options ?? { dateStyle: 'medium', timeStyle: 'short' },
  ).format(value);
}

/** A number in the active language (digits, separators and grouping chosen by Intl). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLocale(), options).format(value);
}

function exposeForTests(): void {
  if (typeof window === 'undefined') return;
  (window as unknown as { __i18nFallbacks?: string[] }).__i18nFallbacks = [...fallbacks];
}

activateLocale(SOURCE_LOCALE);

/** "a, b and c" in the active language (British English has no serial comma). */
export function formatList(parts: readonly string[]): string {
  const locale = currentLocale();
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'conjunction' }).format(
    parts,
  );
}
