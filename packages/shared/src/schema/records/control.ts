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

/** One step of a routine ("Think", "Pair", "Share"): what to do, and for how long. */
export const routinePhaseSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  instruction: z.string().max(200),
  /** Countdown length, or null for a phase that runs until the librarian moves on. */
  seconds: z.number().int().min(10).max(7_200).nullable(),
  /** Dots may be placed in this phase (the question poster's "Vote"), and in no other. */
  votes: z.boolean().optional(),
});
export type RoutinePhase = z.infer<typeof routinePhaseSchema>;

/**
 * The classroom routine running on this board. The phases are copied from the template when
 * it starts, so every device shows them without knowing the template.
 */
export const routineSchema = z.strictObject({
  templateId: z.string().max(64).nullable(),
  /** The routine's name as the banner shows it ("Think – Pair – Share"). */
  title: z.string().max(80),
  /** Empty when no routine runs. */
  phases: z.array(routinePhaseSchema).max(12),
  phaseIndex: z.number().int().min(0).max(100),
  /** Server-clock deadline of the running phase, or null when untimed or paused. */
  phaseEndsAt: timestampSchema.nullable(),
  /** Time left of a paused (or not yet started) timed phase. */
  pausedRemainingMs: z.number().int().min(0).nullable(),
  /** Dots each participant may place (question poster), or null when there is no voting. */
  votesPerParticipant: z.number().int().min(1).max(20).nullable(),
  /** The group run this board belongs to (Group A, Group B, … started together), if any. */
  runId: idSchema.nullable(),
});
export type RoutineState = z.infer<typeof routineSchema>;
export const routineType = defineRecordType('routine', routineSchema, [
  {
    // Version 1 had only a template id and a timer: no phases, votes or group runs.
    version: 2,
    name: 'phases, votes and group runs',
    up: (record) => ({
      ...record,
      title: '',
      phases: [],
      votesPerParticipant: null,
      runId: null,
    }),
  },
  {
    // Version 2 let dots in every phase of a routine with a budget: now only in "Vote".
    version: 3,
    name: 'votes only in the vote phase',
    up: (record) => ({
      ...record,
      phases: Array.isArray(record.phases)
        ? record.phases.map((phase: { name?: unknown }) =>
            record.votesPerParticipant != null && phase?.name === 'Vote'
              ? { ...phase, votes: true }
              : phase,
          )
        : record.phases,
    }),
  },
]);

export const DEFAULT_PENCIL: PencilState = {
  mode: 'open',
  holderId: null,
  queue: [],
  turnSeconds: null,
  turnStartedAt: null,
  autoPass: false,
};
export const DEFAULT_LOCK: LockState = { locked: false };

/** A stored lock record as a state: unlocked when it is missing or not valid. */
export function parseLock(raw: unknown): LockState {
  const parsed = lockSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_LOCK;
}
export const DEFAULT_ROUTINE: RoutineState = {
  templateId: null,
  title: '',
  phases: [],
  phaseIndex: 0,
  phaseEndsAt: null,
  pausedRemainingMs: null,
  votesPerParticipant: null,
  runId: null,
};
