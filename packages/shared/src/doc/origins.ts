/**
 * Transaction origins say where a change came from. `Y.UndoManager` tracks only the
 * `LocalOrigin` of one actor (a seat or a tablet user), so undo never touches anyone else's
 * work, remote updates, storage loads or migrations.
 */
export class LocalOrigin {
  readonly kind = 'local';
  constructor(readonly actorId: string) {}
}

const localOrigins = new Map<string, LocalOrigin>();

/** The one origin object for `actorId` (UndoManager compares origins by identity). */
export function localOrigin(actorId: string): LocalOrigin {
  let origin = localOrigins.get(actorId);
  if (!origin) {
    origin = new LocalOrigin(actorId);
    localOrigins.set(actorId, origin);
  }
  return origin;
}

/** Updates received from other devices (the y-websocket provider uses itself as origin). */
export const REMOTE_ORIGIN = { kind: 'remote' } as const;
/** Loading a board from disk. */
export const STORAGE_ORIGIN = { kind: 'storage' } as const;
/** Upgrading a board's records to the current schema. */
export const MIGRATION_ORIGIN = { kind: 'migration' } as const;
/** Writes the server makes itself (talking pencil, lock, routine). */
export const SERVER_ORIGIN = { kind: 'server' } as const;

export type OriginKind = 'local' | 'remote' | 'storage' | 'migration' | 'server';

export function originKind(origin: unknown): OriginKind {
  if (origin instanceof LocalOrigin) return 'local';
  if (origin === STORAGE_ORIGIN) return 'storage';
  if (origin === MIGRATION_ORIGIN) return 'migration';
  if (origin === SERVER_ORIGIN) return 'server';
  return 'remote';
}
