import { z } from 'zod';
import { idSchema, timestampSchema } from '../common';
import { defineRecordType } from '../record-type';

/**
 * Control state lives under fixed keys of the `control` map. The server owns it: clients ask
 * for changes and the server writes them.
 */
export const pencilSchema = z.strictObject({
  mode: z.enum(['open', 'pencil']),
  /** Seat or participant id holding the talking pencil (null in open mode or when unheld). */
  holderId: idSchema.nullable(),
  /** Raised hands, first in line first. */
  queue: z.array(idSchema).max(64),
  /** Optional per-turn timer. */
  turnSeconds: z.number().int().min(10).max(3_600).nullable(),
  turnStartedAt: timestampSchema.nullable(),
  autoPass: z.boolean(),
});
export type PencilState = z.infer<typeof pencilSchema>;
export const pencilType = defineRecordType('pencil', pencilSchema);

export const lockSchema = z.strictObject({ locked: z.boolean() });
export type LockState = z.infer<typeof lockSchema>;
export const lockType = defineRecordType('lock', lockSchema);

export const routineSchema = z.strictObject({
  templateId: z.string().max(64).nullable(),
  phaseIndex: z.number().int().min(0).max(100),
  /** Server-clock deadline of the running phase, or null when untimed or paused. */
  phaseEndsAt: timestampSchema.nullable(),
  pausedRemainingMs: z.number().int().min(0).nullable(),
});
export type RoutineState = z.infer<typeof routineSchema>;
export const routineType = defineRecordType('routine', routineSchema);

export const DEFAULT_PENCIL: PencilState = {
  mode: 'open',
  holderId: null,
  queue: [],
  turnSeconds: null,
  turnStartedAt: null,
  autoPass: false,
};
export const DEFAULT_LOCK: LockState = { locked: false };
export const DEFAULT_ROUTINE: RoutineState = {
  templateId: null,
  phaseIndex: 0,
  phaseEndsAt: null,
  pausedRemainingMs: null,
};
