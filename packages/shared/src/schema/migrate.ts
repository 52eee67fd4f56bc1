import type * as Y from 'yjs';
import type { Board } from '../doc/board';
import { MIGRATION_ORIGIN } from '../doc/origins';
import type { Migration } from './record-type';
import { type SchemaVersions, schemaVersionsSchema } from './records/meta';
import { currentSchemaVersions, RECORD_TYPES } from './registry';
import { checkEntry } from './validate';

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

export interface MigrationReport {
  /** Versions the board had before, per record type. */
  from: SchemaVersions;
  /** Records rewritten to the current version. */
  migrated: number;
  /** Records that could not be brought up to date; left as they were (readers skip them). */
  failed: { map: string; key: string; error: string }[];
}

/** Which record type a stored entry is, so we know which migrations apply to it. */
function recordTypeOf(map: string, key: string, value: unknown): string | null {
  switch (map) {
    case 'elements': {
      const type = (value as { type?: unknown } | null)?.type;
      return typeof type === 'string' ? type : null;
    }
    case 'seats':
      return 'seat';
    case 'participants':
      return 'participant';
    case 'control':
      return key;
    case 'votes':
      return 'vote';
    default:
      return null;
  }
}

function storedVersions(board: Board): SchemaVersions | null {
  const raw = board.meta.get('schema');
  if (raw === undefined) return null;
  const parsed = schemaVersionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error('meta.schema is corrupt; cannot tell how old this board is');
  return parsed.data;
}

function isEmpty(board: Board): boolean {
  return board.elements.size + board.seats.size + board.participants.size === 0;
}

/**
 * Brings every record of a board up to the schema this code writes, in one transaction
 * with MIGRATION_ORIGIN (so no undo stack ever sees it), and records the new versions in
 * `meta.schema`. A board written by newer code is refused rather than damaged.
 */
export function migrateBoard(board: Board): MigrationReport {
  const current = currentSchemaVersions();
  // A board without `meta.schema` is brand new, or predates versioning (all version 1).
  const stored =
    storedVersions(board) ??
    (isEmpty(board) ? current : Object.fromEntries(Object.keys(current).map((name) => [name, 1])));
  for (const [name, version] of Object.entries(stored)) {
    const known = current[name];
    if (known !== undefined && version > known) {
      throw new SchemaTooNewError(
        `this board was saved by a newer Roundtable (${name} v${version}, this one knows v${known}); update the server`,
      );
    }
  }

  const report: MigrationReport = { from: stored, migrated: 0, failed: [] };
  board.doc.transact(() => {
    for (const map of ['elements', 'seats', 'participants', 'control', 'votes'] as const) {
      const target = board[map] as Y.Map<unknown>;
      for (const [key, value] of [...target.entries()]) {
        const outcome = upgradeRecord(map, key, value, stored);
        if ('error' in outcome) report.failed.push({ map, key, error: outcome.error });
        else if (outcome.record !== value) {
          target.set(key, outcome.record);
          report.migrated++;
        }
      }
    }
    const versionsChanged = JSON.stringify(board.meta.get('schema')) !== JSON.stringify(current);
    if (versionsChanged) board.meta.set('schema', current);
  }, MIGRATION_ORIGIN);
  return report;
}

/**
 * One record written when its type was at `stored` versions, brought up to today's layout:
 * the same object when nothing applies. Boards use it on load; records kept outside a board
 * (saved templates) use it when they are placed on one.
 */
export function upgradeRecord(
  map: string,
  key: string,
  value: unknown,
  stored: SchemaVersions,
): { record: unknown } | { error: string } {
  const typeName = recordTypeOf(map, key, value);
  const type = typeName ? RECORD_TYPES[typeName] : undefined;
  if (!type || !typeName) return { record: value };
  const pending = pendingMigrations(type.migrations, stored[typeName] ?? 1);
  if (pending.length === 0) return { record: value };
  return upgrade(map, key, value as Record<string, unknown>, pending);
}

function pendingMigrations(migrations: readonly Migration[], from: number): Migration[] {
  return migrations.filter((migration) => migration.version > from);
}

function upgrade(
  map: string,
  key: string,
  record: Record<string, unknown>,
  migrations: Migration[],
): { record: Record<string, unknown> } | { error: string } {
  try {
    const upgraded = migrations.reduce((value, migration) => migration.up(value), record);
    const check = checkEntry(map, key, upgraded);
    return check.ok ? { record: upgraded } : { error: check.error.message };
  } catch (error) {
    return { error: `migration failed: ${(error as Error).message}` };
  }
}
