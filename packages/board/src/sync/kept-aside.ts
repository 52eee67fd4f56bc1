import {
  checkEntry,
  type ElementRecord,
  type ElementType,
  type PencilState,
} from '@roundtable/shared';
import { formatList, type MessageId, t } from '../i18n';

/**
 * Work a device keeps aside when the server refuses a change of its (offline work merged on
 * reconnect, say, after the talking pencil moved on): the pure part of "nothing lost". Which
 * records to keep, which of them the rules allow on the board now, and how to tell the
 * student. No DOM, no Yjs documents: `offline-merge.ts` does the I/O.
 */

/** One record this device wrote, and the Yjs item (client id, clock) that held it there. */
export interface KeptRecord {
  record: ElementRecord;
  client: number;
  clock: number;
}

export interface KeptAside {
  records: KeptRecord[];
  /** Whether to add them again by itself once the board is back, if the rules allow. */
  auto: boolean;
  /** When this device last added kept records by itself (ms), so a refusal cannot loop. */
  autoAddedAt: number | null;
}

export const NOTHING_KEPT: KeptAside = { records: [], auto: false, autoAddedAt: null };

/** A refusal this soon after adding kept records by itself leaves the next try to the student. */
export const AUTO_ADD_BACKOFF_MS = 15_000;

/** What the server has seen: the highest clock + 1 of each client (a Yjs state vector). */
export type StateVector = ReadonlyMap<number, number>;

/** Whether the server has seen this item (it may since have been changed or deleted there). */
export const seenBy = (server: StateVector, { client, clock }: { client: number; clock: number }) =>
  clock < (server.get(client) ?? 0);

/**
 * The records `authors` (this device's participant id, or a table's seats and its own id)
 * wrote whose item the server has never seen. Anything the server has seen is its business
 * now: a stroke it saw and a classmate erased stays erased. Without the server's state
 * vector (it could not be asked), every record of theirs is kept: nothing is lost, and the
 * board sorts it out once it is back (`reconcileKept`).
 */
export function unconfirmedRecords(
  items: Iterable<KeptRecord>,
  authors: Iterable<string>,
  server: StateVector | null,
): KeptRecord[] {
  const mine = new Set(authors);
  const kept: KeptRecord[] = [];
  for (const item of items) {
    if (!mine.has(item.record.authorId)) continue;
    if (server && seenBy(server, item)) continue;
    kept.push(item);
  }
  return kept;
}

/** Records kept before, then those kept now (a newer value of the same record wins). */
export function mergeKept(before: readonly KeptRecord[], now: readonly KeptRecord[]): KeptRecord[] {
  const byId = new Map<string, KeptRecord>();
  for (const item of [...before, ...now]) {
    byId.delete(item.record.id);
    byId.set(item.record.id, item);
  }
  return [...byId.values()];
}

/** Deep equality of two records' plain values (bytes compared byte by byte). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) {
      return false;
    }
    return a.every((byte, i) => byte === b[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameRecord((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Kept records against the board as the device now has it, synced with the server:
 * `confirmed` are those the server has seen (drop them), `onBoard` are on the device's board
 * as they are but not yet confirmed (they sync by themselves; keep them until confirmed),
 * `missing` are neither: to add again, or to keep aside while the rules say no.
 */
export function reconcileKept(
  kept: readonly KeptRecord[],
  server: StateVector,
  onBoard: (id: string) => ElementRecord | undefined,
): { confirmed: KeptRecord[]; onBoard: KeptRecord[]; missing: KeptRecord[] } {
  const result = {
    confirmed: [] as KeptRecord[],
    onBoard: [] as KeptRecord[],
    missing: [] as KeptRecord[],
  };
  for (const item of kept) {
    if (seenBy(server, item)) result.confirmed.push(item);
    else if (sameRecord(onBoard(item.record.id), item.record)) result.onBoard.push(item);
    else result.missing.push(item);
  }
  return result;
}

/** What the board's rules say about adding content now (the server's own checks). */
export interface BoardRules {
  pencil: PencilState;
  locked: boolean;
}

/** Why a record cannot go on the board now, or null if it can. */
export type Blocked = { kind: 'locked' } | { kind: 'pencil'; holderId: string | null };

/**
 * A record goes on the board if it is not locked and, in pencil mode, its author holds the
 * pencil (as the device's own tools allow: a seat draws on its turn, a tablet on its own).
 */
export function blockedBy(
  record: Pick<ElementRecord, 'authorId'>,
  { pencil, locked }: BoardRules,
): Blocked | null {
  if (locked) return { kind: 'locked' };
  if (pencil.mode === 'open' || pencil.holderId === record.authorId) return null;
  return { kind: 'pencil', holderId: pencil.holderId };
}

/** Kept records split into those the rules allow now and those still kept aside. */
export function splitByRules(
  kept: readonly KeptRecord[],
  rules: BoardRules,
): { allowed: KeptRecord[]; blocked: KeptRecord[]; reason: Blocked | null } {
  const allowed: KeptRecord[] = [];
  const blocked: KeptRecord[] = [];
  let reason: Blocked | null = null;
  for (const item of kept) {
    const why = blockedBy(item.record, rules);
    if (why) {
      blocked.push(item);
      reason ??= why;
    } else allowed.push(item);
  }
  return { allowed, blocked, reason };
}

const ORDER: ElementType[] = ['stroke', 'note', 'shape', 'text', 'image'];
const NOUNS: Record<ElementType, MessageId> = {
  stroke: 'kept.strokes',
  note: 'kept.notes',
  shape: 'kept.shapes',
  text: 'kept.texts',
  image: 'kept.pictures',
};

/** "1 stroke", "2 strokes and 1 note", "3 strokes, 1 note and 2 pictures" (in the device's language). */
export function describeRecords(records: readonly { type: ElementType }[]): string {
  const counts = new Map<ElementType, number>();
  for (const { type } of records) counts.set(type, (counts.get(type) ?? 0) + 1);
  const parts = ORDER.filter((type) => counts.has(type)).map((type) =>
    t(NOUNS[type], { count: counts.get(type)! }),
  );
  if (parts.length === 0) return t('kept.nothing');
  return formatList(parts);
}

/**
 * What the student reads about records kept aside. `holderName` names who has the talking
 * pencil ("Group B"); null when nobody does (the librarian took it).
 */
export function keptAsideMessage(
  records: readonly { type: ElementType }[],
  reason: Blocked | null,
  holderName: string | null,
): string {
  const values = { count: records.length, work: describeRecords(records) };
  if (reason === null) return t('kept.addNow', values);
  if (reason.kind === 'locked') return t('kept.locked', values);
  return t('kept.pencil', { ...values, holder: holderName ?? t('kept.theLibrarian') });
}

/** What the student reads after the device added kept records again by itself. */
export function addedAgainMessage(records: readonly { type: ElementType }[]): string {
  return t('kept.addedAgain', { count: records.length, work: describeRecords(records) });
}

// ---- keeping them in localStorage ------------------------------------------------------

/** The localStorage key for one board's kept records. */
export const keptAsideKey = (boardId: string) => `roundtable.keptAside:${boardId}`;

const BYTES = '$bytes';

/** JSON text of kept records (a stroke's points are bytes: stored as base64). */
export function encodeKept(kept: KeptAside): string {
  return JSON.stringify({ v: 1, ...kept }, (_key, value: unknown) =>
    value instanceof Uint8Array ? { [BYTES]: toBase64(value) } : value,
  );
}

/**
 * Kept records from their JSON text; anything that is not a valid record (an older or a
 * damaged copy) is left out rather than put on the board.
 */
export function decodeKept(text: string | null): KeptAside {
  if (!text) return NOTHING_KEPT;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown) =>
      value !== null &&
      typeof value === 'object' &&
      typeof (value as Record<string, unknown>)[BYTES] === 'string'
        ? fromBase64((value as Record<string, string>)[BYTES]!)
        : value,
    );
  } catch {
    return NOTHING_KEPT;
  }
  const raw = parsed as Partial<KeptAside> & { v?: unknown };
  if (raw?.v !== 1 || !Array.isArray(raw.records)) return NOTHING_KEPT;
  const records = raw.records.filter(
    (item): item is KeptRecord =>
      item !== null &&
      typeof item === 'object' &&
      Number.isInteger(item.client) &&
      Number.isInteger(item.clock) &&
      checkEntry('elements', (item.record as { id?: string } | undefined)?.id ?? '', item.record)
        .ok,
  );
  return {
    records,
    auto: raw.auto === true,
    autoAddedAt: typeof raw.autoAddedAt === 'number' ? raw.autoAddedAt : null,
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
