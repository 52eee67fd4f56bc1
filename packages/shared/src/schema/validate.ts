import type { z } from 'zod';
import { ELEMENT_TYPES, elementSchema } from './elements';
import { lockSchema, pencilSchema, routineSchema } from './records/control';
import { metaSchema } from './records/meta';
import { participantSchema } from './records/participant';
import { seatSchema } from './records/seat';
import { voteSchema } from './records/vote';

/** The top-level Yjs maps of a board document. Nothing else may exist at the root. */
export const ROOT_MAPS = ['meta', 'elements', 'seats', 'participants', 'control', 'votes'] as const;
export type RootMapName = (typeof ROOT_MAPS)[number];

/** Keys of the `control` map and what each holds. */
export const CONTROL_SCHEMAS = {
  pencil: pencilSchema,
  lock: lockSchema,
  routine: routineSchema,
} as const;
export type ControlKey = keyof typeof CONTROL_SCHEMAS;

export class RecordValidationError extends Error {
  override name = 'RecordValidationError';
  constructor(
    readonly where: string,
    readonly issues: readonly string[],
  ) {
    super(`${where} is invalid: ${issues.join('; ')}`);
  }
}

export type EntryCheck = { ok: true } | { ok: false; error: RecordValidationError };

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
}

function check(where: string, schema: z.ZodType, value: unknown): EntryCheck {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true }
    : { ok: false, error: new RecordValidationError(where, describeIssues(result.error)) };
}

const fail = (where: string, issue: string): EntryCheck => ({
  ok: false,
  error: new RecordValidationError(where, [issue]),
});

/** Records keyed by id must be stored under their own id, so two keys never alias one record. */
function checkKeyedRecord(where: string, key: string, schema: z.ZodType, value: unknown) {
  const result = check(where, schema, value);
  if (!result.ok) return result;
  if ((value as { id: string }).id !== key) return fail(where, `id must equal its key "${key}"`);
  return result;
}

/**
 * Is `value` allowed under `key` of root map `map`? The one check the board (before it
 * writes) and the server (before it stores and relays) both use.
 */
export function checkEntry(map: string, key: string, value: unknown): EntryCheck {
  const where = `${map}["${key}"]`;
  switch (map) {
    case 'elements': {
      const type = (value as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !(type in ELEMENT_TYPES)) {
        return fail(where, `type must be one of ${Object.keys(ELEMENT_TYPES).join(', ')}`);
      }
      return checkKeyedRecord(`${type} ${where}`, key, elementSchema, value);
    }
    case 'seats':
      return checkKeyedRecord(`seat ${where}`, key, seatSchema, value);
    case 'participants':
      return checkKeyedRecord(`participant ${where}`, key, participantSchema, value);
    case 'votes': {
      const result = check(`vote ${where}`, voteSchema, value);
      if (!result.ok) return result;
      return (value as { voterId: string }).voterId === key
        ? result
        : fail(where, `voterId must equal its key "${key}"`);
    }
    case 'control': {
      const schema = CONTROL_SCHEMAS[key as ControlKey];
      return schema ? check(where, schema, value) : fail(where, 'unknown control key');
    }
    case 'meta': {
      const schema = metaSchema.shape[key as keyof typeof metaSchema.shape];
      return schema ? check(where, schema, value) : fail(where, 'unknown meta key');
    }
    default:
      return fail(where, `unknown root map (expected one of ${ROOT_MAPS.join(', ')})`);
  }
}

export function assertEntry(map: string, key: string, value: unknown): void {
  const result = checkEntry(map, key, value);
  if (!result.ok) throw result.error;
}
