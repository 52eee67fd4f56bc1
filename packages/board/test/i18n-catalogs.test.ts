import { compileMessage } from '@lingui/message-utils/compileMessage';
import { LOCALES, REFUSAL_CODES } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { CATALOGS, SOURCE_CATALOG } from '../src/i18n/catalog';

/** The placeholder names a message uses ("{name}", "{count, plural, …}"), nested ones too. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  // A compiled message is a list of parts: text, or [name, format?, branches?].
  const walk = (parts: unknown): void => {
    if (!Array.isArray(parts)) return;
    for (const part of parts) {
      if (!Array.isArray(part)) continue;
      names.add(String(part[0]));
      const branches = part[2];
      if (branches && typeof branches === 'object') Object.values(branches).forEach(walk);
    }
  };
  walk(compileMessage(message));
  return [...names].sort();
}

const ids = Object.keys(SOURCE_CATALOG) as (keyof typeof SOURCE_CATALOG)[];

describe('the message catalogs', () => {
  it('has an English message for every id, none empty, each valid ICU', () => {
    for (const id of ids) {
      expect(SOURCE_CATALOG[id].trim(), id).not.toBe('');
      expect(() => compileMessage(SOURCE_CATALOG[id]), id).not.toThrow();
    }
  });

  // Server refusals (socket and HTTP) travel as codes: each is worded on the device.
  it.each(LOCALES)('%s words every refusal code the server can send', (locale) => {
    const unworded = REFUSAL_CODES.filter(
      (code) =>
        !(CATALOGS[locale] as Record<string, string | undefined>)[`refusal.${code}`]?.trim(),
    );
    expect(unworded, `${locale} has no words for these refusals`).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s translates every message, with the same placeholders, and nothing else',
    (locale) => {
      const catalog = CATALOGS[locale];
      const missing = ids.filter((id) => !catalog[id]?.trim());
      expect(missing, `${locale} lacks these messages`).toEqual([]);
      const extra = Object.keys(catalog).filter((id) => !(id in SOURCE_CATALOG));
      expect(extra, `${locale} has messages English no longer has`).toEqual([]);
      for (const id of ids) {
        expect(placeholders(catalog[id]!), `${locale} ${id}`).toEqual(
          placeholders(SOURCE_CATALOG[id]),
        );
      }
    },
  );
});
