import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import type { PencilRequest } from '../pencil/pencil-machine';
import { ROUTINE_ACTIONS, type RoutineAction } from '../routines/routine-machine';
import { idSchema } from '../schema/common';
import { decodeRefusal, type Refusal } from './refusal';

/**
 * Class requests: what a device asks of the server about running the class, beside the
 * board's document. One y-websocket message type carries three kinds, told apart by `type`:
 * the talking pencil (`PencilRequest`), the librarian's board controls (lock, clear) and a
 * routine's steps. The server answers only a refusal, to the asking device alone.
 */

/** The y-websocket message type (first varuint) of class requests and their refusals. */
export const MESSAGE_CLASS_REQUEST = 20;

/**
 * Close code for a device whose change a class rule refused (the talking pencil, a lock,
 * dots, who it is): it must reopen the board, since its copy holds a change nobody else has
 * (4400–4499: do not retry as is). The close reason is the refusal (`encodeRefusal`).
 */
export const CLOSE_CHANGE_REFUSED = 4403;

/** Talking-pencil requests, checked before the pencil machine sees them. */
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

/** The librarian's board controls: lock or unlock the board, clear it. */
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

export type ClassRequest = PencilRequest | BoardControlRequest | RoutineRequest;

export const classRequestSchema: z.ZodType<ClassRequest> = z.union([
  pencilRequestSchema,
  boardControlRequestSchema,
  routineRequestSchema,
]);

export const isBoardControlRequest = (request: ClassRequest): request is BoardControlRequest =>
  request.type === 'lock' || request.type === 'clear';

/** The server's reply to a request it refused. */
export interface ClassRequestReply {
  error: Refusal;
}

function classMessage(body: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CLASS_REQUEST);
  encoding.writeVarString(encoder, body);
  return encoding.toUint8Array(encoder);
}

/** A request as a device sends it. */
export const encodeClassRequest = (request: ClassRequest) => classMessage(JSON.stringify(request));

/** A refusal as the server tells it to the asking device. */
export const encodeClassReply = (error: Refusal) =>
  classMessage(JSON.stringify({ error } satisfies ClassRequestReply));

/** The refusal in a reply's body, or null for a reply without one. */
export function decodeClassReply(body: string): Refusal | null {
  const { error } = JSON.parse(body) as Partial<ClassRequestReply>;
  return error ? decodeRefusal(error) : null;
}
