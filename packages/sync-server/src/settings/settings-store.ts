import { isLocale, type Locale } from '@roundtable/shared';
import type Database from 'better-sqlite3';

/** The library's own settings, set by the librarian. */
export interface LibrarySettings {
  /** The language devices show when they have no choice of their own (null: the browser's). */
  readonly defaultLocale: Locale | null;
}

export const DEFAULT_SETTINGS: LibrarySettings = { defaultLocale: null };

/** Stored settings as they are now: anything unknown or no longer valid falls back. */
export function parseSettings(stored: Record<string, unknown>): LibrarySettings {
  return {
    defaultLocale: isLocale(stored.defaultLocale)
      ? stored.defaultLocale
      : DEFAULT_SETTINGS.defaultLocale,
  };
}

/**
 * Where the library's settings are kept. Promise-returning so SQLite (here) and PostgreSQL
 * (cluster mode) implement the same interface.
 */
export interface SettingsStore {
  get(): Promise<LibrarySettings>;
  set(settings: LibrarySettings): Promise<void>;
}

/** In the app database (see storage/app-db.ts): one JSON row per setting. */
export function openSettingsStore(db: Database.Database): SettingsStore {
  db.exec(`CREATE TABLE IF NOT EXISTS library_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  )`);
  const select = db.prepare<[], { key: string; value: string }>(
    'SELECT key, value FROM library_settings',
  );
  const upsert = db.prepare(
    'INSERT INTO library_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: async () => {
      const stored: Record<string, unknown> = {};
      for (const row of select.all()) stored[row.key] = JSON.parse(row.value);
      return parseSettings(stored);
    },
    set: async (settings) => {
      db.transaction(() => {
        for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value));
      })();
    },
  };
}
