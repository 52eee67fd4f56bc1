import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The server cannot use its storage and will not start. The message is one line that names
 * the path and says what to do; main.ts prints it without a stack trace.
 */
export class StorageStartError extends Error {
  override name = 'StorageStartError';
}

const RESTORE = 'Restore it from a backup, or move it aside to start with an empty library.';
const MAKE_WRITABLE =
  'Make it writable (and free some disk space), or set DATA_DIR to a folder the server can write.';

/** Text on one short line, without a trailing dot (it goes in parentheses). */
function oneLine(text: string): string {
  const short = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return short.length > 200 ? `${short.slice(0, 199)}…` : short;
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return oneLine(code && message && !message.includes(code) ? `${code}: ${message}` : `${message}`);
}

/** DATA_DIR exists (it is created if missing), is a folder, and the server may read and write it. */
export function prepareDataDir(dataDir: string): void {
  try {
    if (!statSync(dataDir).isDirectory()) {
      throw new StorageStartError(
        `DATA_DIR ${dataDir} is a file, not a folder. Set DATA_DIR to a folder (it is created if missing), or move the file aside.`,
      );
    }
  } catch (error) {
    if (error instanceof StorageStartError) throw error;
    if ((error as { code?: string }).code !== 'ENOENT') {
      throw new StorageStartError(
        `DATA_DIR ${dataDir} cannot be read (${reason(error)}). ${MAKE_WRITABLE}`,
      );
    }
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (mkdirError) {
      throw new StorageStartError(
        `DATA_DIR ${dataDir} cannot be created (${reason(whyNotCreated(dataDir, mkdirError))}). ${MAKE_WRITABLE}`,
      );
    }
  }
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new StorageStartError(
      `DATA_DIR ${dataDir} is not writable (${reason(error)}). ${MAKE_WRITABLE}`,
    );
  }
}

/**
 * Why a folder could not be made: a recursive mkdir under a read-only folder reports only
 * ENOENT, so ask the nearest folder that exists whether it may be written.
 */
function whyNotCreated(path: string, error: unknown): unknown {
  for (let parent = dirname(path); ; parent = dirname(parent)) {
    try {
      statSync(parent);
    } catch {
      if (parent === dirname(parent)) return error;
      continue;
    }
    try {
      accessSync(parent, constants.W_OK);
      return error;
    } catch (denied) {
      return denied;
    }
  }
}

const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * Opens the database file on a connection of its own, runs `PRAGMA quick_check`, and makes
 * one small committed write (to `storage_check`), so a damaged file, a read-only file or
 * folder, or a disk with no room at all stops the server at start, not at a class's first
 * stroke. Creates the file if there is none.
 */
export function checkDatabase(path: string): void {
  let db: Database.Database | null = null;
  let step: 'open' | 'check' | 'write' = 'open';
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    step = 'check';
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
    if (problems.length > 0) {
      throw new StorageStartError(
        `${path} is damaged (quick_check: ${oneLine(problems.join('; '))}). ${RESTORE}`,
      );
    }
    step = 'write';
    db.exec(`CREATE TABLE IF NOT EXISTS storage_check (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      checked_at INTEGER NOT NULL
    )`);
    db.prepare('INSERT OR REPLACE INTO storage_check (id, checked_at) VALUES (1, ?)').run(
      Date.now(),
    );
  } catch (error) {
    if (error instanceof StorageStartError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (DAMAGED.has(code)) {
      const found = step === 'check' ? `quick_check: ${reason(error)}` : reason(error);
      throw new StorageStartError(`${path} is damaged (${found}). ${RESTORE}`);
    }
    const doing = step === 'write' ? 'cannot be written' : 'cannot be opened';
    throw new StorageStartError(`${path} ${doing} (${reason(error)}). ${MAKE_WRITABLE}`);
  } finally {
    try {
      db?.close();
    } catch {
      // Closing a connection that failed to open: nothing to release.
    }
  }
}
