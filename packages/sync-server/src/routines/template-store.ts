import type Database from 'better-sqlite3';

export interface SavedTemplate {
  id: string;
  title: string;
  /** The board it was saved from (for the librarian's memory; the board may be gone). */
  boardId: string;
  createdAt: number;
  /** Content as a Yjs update with its schema versions (see `templateSnapshot`). */
  snapshot: Uint8Array;
}

/** Asynchronous, so the cluster's can be in PostgreSQL (cluster/pg-app-stores.ts). */
export interface TemplateStore {
  add(template: SavedTemplate): Promise<void>;
  list(): Promise<Omit<SavedTemplate, 'snapshot'>[]>;
  get(id: string): Promise<SavedTemplate | null>;
  delete(id: string): Promise<boolean>;
}

/** Boards the librarian kept as templates, in the app database. */
export function openTemplateStore(db: Database.Database): TemplateStore {
  db.exec(`CREATE TABLE IF NOT EXISTS saved_templates (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    board_id   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    snapshot   BLOB NOT NULL
  )`);
  const insert = db.prepare(
    'INSERT INTO saved_templates (id, title, board_id, created_at, snapshot) VALUES (?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], { id: string; title: string; board_id: string; created_at: number }>(
    'SELECT id, title, board_id, created_at FROM saved_templates ORDER BY created_at DESC',
  );
  const one = db.prepare<
    [string],
    { id: string; title: string; board_id: string; created_at: number; snapshot: Buffer }
  >('SELECT * FROM saved_templates WHERE id = ?');
  const remove = db.prepare('DELETE FROM saved_templates WHERE id = ?');
  return {
    async add(t) {
      insert.run(t.id, t.title, t.boardId, t.createdAt, t.snapshot);
    },
    list: async () =>
      all
        .all()
        .map((r) => ({ id: r.id, title: r.title, boardId: r.board_id, createdAt: r.created_at })),
    async get(id) {
      const r = one.get(id);
      return r
        ? {
            id: r.id,
            title: r.title,
            boardId: r.board_id,
            createdAt: r.created_at,
            snapshot: new Uint8Array(r.snapshot),
          }
        : null;
    },
    delete: async (id) => remove.run(id).changes > 0,
  };
}
