import { Readable } from 'node:stream';
import type { RoutineRun } from '@roundtable/shared';
import type { Pool } from 'pg';
import { ASSET_ID, type AssetStore, assetId, type StoredAsset } from '../assets/asset-store';
import type { ImageType } from '../assets/image-type';
import {
  EXHIBIT_COLUMNS,
  type ExhibitRow,
  type ExhibitStore,
  exhibitInfo,
  exhibitOfRow,
  exhibitValues,
} from '../exhibits/exhibit-store';
import type { RunStore } from '../routines/run-store';
import type { TemplateStore } from '../routines/template-store';
import { parseSettings, type SettingsStore } from '../settings/settings-store';
import type { AppStores } from '../storage/app-stores';
import { ensureSchema } from './schema';

/**
 * The library's own data in PostgreSQL, for every process of a cluster: exhibits, saved
 * templates, group runs, images and the library's settings. The same tables as the app
 * database's in SQLite; BIGINT milliseconds come back from `pg` as strings, hence the
 * `Number`s.
 */
export const APP_SCHEMA = `
  CREATE TABLE IF NOT EXISTS exhibits (
    id           TEXT PRIMARY KEY,
    board_id     TEXT NOT NULL,
    title        TEXT NOT NULL,
    group_name   TEXT NOT NULL,
    participants JSONB NOT NULL,
    description  TEXT NOT NULL,
    routine      TEXT,
    created_at   BIGINT NOT NULL,
    snapshot     BYTEA NOT NULL,
    svg          TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS saved_templates (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    board_id   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    snapshot   BYTEA NOT NULL
  );
  CREATE TABLE IF NOT EXISTS routine_runs (
    id          TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    title       TEXT NOT NULL,
    prompt      TEXT NOT NULL,
    created_at  BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS routine_groups (
    run_id   TEXT NOT NULL REFERENCES routine_runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    board_id TEXT NOT NULL,
    PRIMARY KEY (run_id, position)
  );
  CREATE TABLE IF NOT EXISTS assets (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    bytes      BYTEA NOT NULL,
    created_at BIGINT NOT NULL
  );
  -- Images are compressed already: stored out of line as they are, not compressed again.
  -- (Only once: ALTER TABLE would lock out every process's reads at each start.)
  DO $$ BEGIN
    IF (SELECT attstorage FROM pg_attribute
         WHERE attrelid = 'assets'::regclass AND attname = 'bytes') <> 'e' THEN
      ALTER TABLE assets ALTER COLUMN bytes SET STORAGE EXTERNAL;
    END IF;
  END $$;
  CREATE TABLE IF NOT EXISTS library_settings (
    key   TEXT PRIMARY KEY,
    value JSONB NOT NULL
  );
`;

/** The cluster's app stores, once their tables exist (every process may start at once). */
export async function openPgAppStores(pool: Pool): Promise<AppStores> {
  await ensureSchema(pool, APP_SCHEMA);
  return {
    exhibits: pgExhibitStore(pool),
    templates: pgTemplateStore(pool),
    runs: pgRunStore(pool),
    assets: pgAssetStore(pool),
    settings: pgSettingsStore(pool),
  };
}

/** `pg` sends a Buffer as BYTEA; a Uint8Array is wrapped without a copy. */
const bytea = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

export function pgExhibitStore(pool: Pool): ExhibitStore {
  return {
    async add(e) {
      await pool.query(
        `INSERT INTO exhibits (${EXHIBIT_COLUMNS}, snapshot, svg)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        exhibitValues(e, bytea(e.snapshot)),
      );
    },
    async list() {
      const { rows } = await pool.query<ExhibitRow>(
        `SELECT ${EXHIBIT_COLUMNS} FROM exhibits ORDER BY created_at DESC, id`,
      );
      return rows.map(exhibitInfo);
    },
    async get(id) {
      const { rows } = await pool.query<ExhibitRow & { snapshot: Buffer; svg: string }>(
        `SELECT ${EXHIBIT_COLUMNS}, snapshot, svg FROM exhibits WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      return row ? exhibitOfRow(row) : null;
    },
    async delete(id) {
      const result = await pool.query('DELETE FROM exhibits WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

interface TemplateRow {
  id: string;
  title: string;
  board_id: string;
  created_at: string;
}

const templateInfo = (row: TemplateRow) => ({
  id: row.id,
  title: row.title,
  boardId: row.board_id,
  createdAt: Number(row.created_at),
});

export function pgTemplateStore(pool: Pool): TemplateStore {
  return {
    async add(t) {
      await pool.query(
        'INSERT INTO saved_templates (id, title, board_id, created_at, snapshot) VALUES ($1, $2, $3, $4, $5)',
        [t.id, t.title, t.boardId, t.createdAt, bytea(t.snapshot)],
      );
    },
    async list() {
      const { rows } = await pool.query<TemplateRow>(
        'SELECT id, title, board_id, created_at FROM saved_templates ORDER BY created_at DESC',
      );
      return rows.map(templateInfo);
    },
    async get(id) {
      const { rows } = await pool.query<TemplateRow & { snapshot: Buffer }>(
        'SELECT id, title, board_id, created_at, snapshot FROM saved_templates WHERE id = $1',
        [id],
      );
      const row = rows[0];
      return row ? { ...templateInfo(row), snapshot: new Uint8Array(row.snapshot) } : null;
    },
    async delete(id) {
      const result = await pool.query('DELETE FROM saved_templates WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

interface RunRow {
  id: string;
  template_id: string;
  title: string;
  prompt: string;
  created_at: string;
  groups: { name: string; boardId: string }[];
}

/** A run with its groups in order, in one query. */
const RUN_SELECT = `
  SELECT r.id, r.template_id, r.title, r.prompt, r.created_at,
         COALESCE(
           (SELECT json_agg(json_build_object('name', g.name, 'boardId', g.board_id)
                            ORDER BY g.position)
              FROM routine_groups g WHERE g.run_id = r.id),
           '[]'::json) AS groups
    FROM routine_runs r`;

const toRun = (row: RunRow): RoutineRun => ({
  id: row.id,
  templateId: row.template_id,
  title: row.title,
  prompt: row.prompt,
  createdAt: Number(row.created_at),
  groups: row.groups,
});

export function pgRunStore(pool: Pool): RunStore {
  return {
    async add(run) {
      // One statement, so a run is stored with all of its groups or not at all.
      await pool.query(
        `WITH run AS (
           INSERT INTO routine_runs (id, template_id, title, prompt, created_at)
           VALUES ($1, $2, $3, $4, $5)
           RETURNING id
         )
         INSERT INTO routine_groups (run_id, position, name, board_id)
         SELECT run.id, g.position - 1, g.name, g.board_id
           FROM run, unnest($6::text[], $7::text[]) WITH ORDINALITY AS g(name, board_id, position)`,
        [
          run.id,
          run.templateId,
          run.title,
          run.prompt,
          run.createdAt,
          run.groups.map((g) => g.name),
          run.groups.map((g) => g.boardId),
        ],
      );
    },
    async get(id) {
      const { rows } = await pool.query<RunRow>(`${RUN_SELECT} WHERE r.id = $1`, [id]);
      return rows[0] ? toRun(rows[0]) : null;
    },
    async list(limit) {
      const { rows } = await pool.query<RunRow>(
        `${RUN_SELECT} ORDER BY r.created_at DESC, r.id LIMIT $1`,
        [limit],
      );
      return rows.map(toRun);
    },
    async renameGroup(runId, boardId, name) {
      const result = await pool.query(
        'UPDATE routine_groups SET name = $1 WHERE run_id = $2 AND board_id = $3',
        [name, runId, boardId],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}

/**
 * Images in PostgreSQL by content hash, so an image uploaded through one process is served
 * by all. A row is written in one statement: there is never half an image behind an id.
 */
export function pgAssetStore(pool: Pool): AssetStore {
  const stored = (id: string, type: ImageType, size: number): StoredAsset => {
    const read = async () => {
      const { rows } = await pool.query<{ bytes: Buffer }>(
        'SELECT bytes FROM assets WHERE id = $1',
        [id],
      );
      if (!rows[0]) throw new Error(`image ${id} is gone`);
      return rows[0].bytes;
    };
    return {
      id,
      type,
      size,
      read,
      stream: () =>
        Readable.from(
          (async function* () {
            yield await read();
          })(),
        ),
    };
  };

  return {
    async get(id) {
      if (!ASSET_ID.test(id)) return null;
      const { rows } = await pool.query<{ type: ImageType; size: number }>(
        'SELECT type, size FROM assets WHERE id = $1',
        [id],
      );
      return rows[0] ? stored(id, rows[0].type, rows[0].size) : null;
    },
    async put(bytes, type) {
      const id = assetId(bytes);
      // The same photo uploaded twice (or through two processes at once) is stored once;
      // the same bytes have the same type and size, whichever upload stored them.
      await pool.query(
        `INSERT INTO assets (id, type, size, bytes, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [id, type, bytes.length, bytea(bytes), Date.now()],
      );
      return stored(id, type, bytes.length);
    },
  };
}

/** The library's settings (one JSON value per key, as in SQLite), read fresh on every call. */
export function pgSettingsStore(pool: Pool): SettingsStore {
  return {
    async get() {
      const { rows } = await pool.query<{ key: string; value: unknown }>(
        'SELECT key, value FROM library_settings',
      );
      return parseSettings(Object.fromEntries(rows.map((row) => [row.key, row.value])));
    },
    async set(settings) {
      const entries = Object.entries(settings);
      await pool.query(
        `INSERT INTO library_settings (key, value)
         SELECT key, value::jsonb FROM unnest($1::text[], $2::text[]) AS s(key, value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [entries.map(([key]) => key), entries.map(([, value]) => JSON.stringify(value))],
      );
    },
  };
}
