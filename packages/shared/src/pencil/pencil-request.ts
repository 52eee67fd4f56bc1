import { z } from 'zod';
import { ROUTINE_ACTIONS, type RoutineAction } from '../routines/routine-machine';
import { idSchema } from '../schema/common';
import type { PencilRequest } from './pencil-machine';

/** Pencil requests as they arrive from a device: checked before the machine sees them. */
export const pencilRequestSchema: z.ZodType<PencilRequest> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setMode'), mode: z.enum(['open', 'pencil']) }),
  z.strictObject({ type: z.literal('pass'), from: idSchema, to: idSchema.optional() }),
  z.strictObject({ type: z.literal('raiseHand'), who: idSchema }),
  z.strictObject({ type: z.literal('lowerHand'), who: idSchema }),
  z.strictObject({ type: z.literal('give'), to: idSchema }),
  z.strictObject({ type: z.literal('take') }),
  z.strictObject({
    type: z.literal('setTimer'),
    seconds: z.number().int().nullable(),
    autoPass: z.boolean(),
  }),
]);

/** The librarian's board controls, sent on the same channel as pencil requests. */
export type BoardControlRequest = { type: 'lock'; locked: boolean } | { type: 'clear' };

export const boardControlRequestSchema: z.ZodType<BoardControlRequest> = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('lock'), locked: z.boolean() }),
    z.strictObject({ type: z.literal('clear') }),
  ],
);

/** The librarian moves a routine along: start or pause the clock, next or previous phase, … */
export type RoutineRequest = { type: 'routine'; action: RoutineAction };

export const routineRequestSchema: z.ZodType<RoutineRequest> = z.strictObject({
  type: z.literal('routine'),
  action: z.enum(ROUTINE_ACTIONS as [RoutineAction, ...RoutineAction[]]),
});

/** Everything a device may ask of the server about running the class. */
export type ClassRequest = PencilRequest | BoardControlRequest | RoutineRequest;

export const classRequestSchema: z.ZodType<ClassRequest> = z.union([
  pencilRequestSchema,
  boardControlRequestSchema,
  routineRequestSchema,
]);

export const isBoardControlRequest = (request: ClassRequest): request is BoardControlRequest =>
  request.type === 'lock' || request.type === 'clear';

/** The y-websocket message type our devices use for class requests and their refusals. */
export const MESSAGE_PENCIL = 20;

/**
 * Close code for a device whose change a class rule refused (the talking pencil, a lock,
 * dots, who it is): it must reopen the board, since its copy holds a change nobody else has
 * (4400–4499: do not retry as is). The close reason says why.
 */
export const CLOSE_CHANGE_REFUSED = 4403;

/** How a refused update's close reason starts; the rest says why, in a student's words. */
const REFUSED_PREFIX = 'update refused: ';

/** The close reason the server sends with a refused update. */
export const refusedReason = (why: string): string => `${REFUSED_PREFIX}${why}`;

/** Why an update was refused, from the close reason the server sent. */
export const refusalWhy = (closeReason: string): string =>
  closeReason.startsWith(REFUSED_PREFIX) ? closeReason.slice(REFUSED_PREFIX.length) : closeReason;
