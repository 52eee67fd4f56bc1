import type { RoutineRun } from '@roundtable/shared';
import type Database from 'better-sqlite3';

/** Asynchronous, so the cluster's can be in PostgreSQL (cluster/pg-app-stores.ts). */
export interface RunStore {
  add(run: RoutineRun): Promise<void>;
  get(id: string): Promise<RoutineRun | null>;
  /** Newest first. */
  list(limit: number): Promise<RoutineRun[]>;
  renameGroup(runId: string, boardId: string, name: string): Promise<boolean>;
}

interface RunRow {
  id: string;
  template_id: string;
  title: string;
  prompt: string;
  created_at: number;
}

/** Group runs, in the app database. */
export function openRunStore(db: Database.Database): RunStore {
  db.exec(`CREATE TABLE IF NOT EXISTS routine_runs (
    id          TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    title       TEXT NOT NULL,
    prompt      TEXT NOT NULL,
    created_at  INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS routine_groups (
    run_id   TEXT NOT NULL REFERENCES routine_runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    board_id TEXT NOT NULL,
    PRIMARY KEY (run_id, position)
  )`);
  const insertRun = db.prepare(
    'INSERT INTO routine_runs (id, template_id, title, prompt, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertGroup = db.prepare(
    'INSERT INTO routine_groups (run_id, position, name, board_id) VALUES (?, ?, ?, ?)',
  );
  const oneRun = db.prepare<[string], RunRow>('SELECT * FROM routine_runs WHERE id = ?');
  const recentRuns = db.prepare<[number], RunRow>(
    'SELECT * FROM routine_runs ORDER BY created_at DESC, id LIMIT ?',
  );
  const groupsOf = db.prepare<[string], { name: string; board_id: string }>(
    'SELECT name, board_id FROM routine_groups WHERE run_id = ? ORDER BY position',
  );
  const rename = db.prepare('UPDATE routine_groups SET name = ? WHERE run_id = ? AND board_id = ?');

  const toRun = (row: RunRow): RoutineRun => ({
    id: row.id,
    templateId: row.template_id,
    title: row.title,
    prompt: row.prompt,
    createdAt: row.created_at,
    groups: groupsOf.all(row.id).map((g) => ({ name: g.name, boardId: g.board_id })),
  });

  const add = db.transaction((run: RoutineRun) => {
    insertRun.run(run.id, run.templateId, run.title, run.prompt, run.createdAt);
    run.groups.forEach((group, i) => {
      insertGroup.run(run.id, i, group.name, group.boardId);
    });
  });

  return {
    async add(run) {
      add(run);
    },
    async get(id) {
      const row = oneRun.get(id);
      return row ? toRun(row) : null;
    },
    list: async (limit) => recentRuns.all(limit).map(toRun),
    renameGroup: async (runId, boardId, name) => rename.run(name, runId, boardId).changes > 0,
  };
}
