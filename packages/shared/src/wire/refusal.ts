import { z } from 'zod';

/**
 * Why the server said no, as a code with parameters: the server never words a refusal, the
 * device does, in its own language (packages/board/src/i18n, messages `refusal.<code>`).
 * Travels in a WebSocket close reason (at most 123 bytes) or a class-request reply.
 */
const plain = <C extends string>(code: C) => z.strictObject({ code: z.literal(code) });

/** How a change can break the board model. */
export const INVALID_CHANGES = [
  'malformed',
  'missingHistory',
  'nestedType',
  'unknownRoot',
  'notAMap',
  'serverOnly',
  'invalidRecord',
] as const;
export type InvalidChange = (typeof INVALID_CHANGES)[number];

export const refusalSchema = z.discriminatedUnion('code', [
  // A device's change broke the model: which way (its records are not valid, not its to
  // write, or not of the board at all). The exact detail stays in the server's log.
  z.strictObject({
    code: z.literal('invalidChange'),
    what: z.enum(INVALID_CHANGES).optional(),
  }),
  // Who a device is.
  plain('ownTabletOnly'),
  plain('tabletOwnKey'),
  plain('tabletNotSeatId'),
  plain('oneTabletPerDevice'),
  plain('tableArrangesSeats'),
  plain('seatNotTabletId'),
  // The class's rules.
  plain('boardLocked'),
  plain('pencilElsewhere'),
  plain('ownDotsOnly'),
  plain('noVoteNow'),
  z.strictObject({ code: z.literal('dotBudget'), budget: z.number().int().nonnegative() }),
  plain('dotsOnNotes'),
  // Talking-pencil requests.
  plain('librarianSwitchesPencil'),
  plain('openNoPencilToPass'),
  plain('holderPassesPencil'),
  plain('pencilToSomeoneHere'),
  plain('openEveryoneDraws'),
  plain('ownHandOnly'),
  plain('handOwnerLowers'),
  plain('librarianGivesPencil'),
  plain('pencilOffFirst'),
  plain('librarianTakesPencil'),
  plain('librarianSetsTimer'),
  z.strictObject({
    code: z.literal('turnLength'),
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
  }),
  // The librarian's board controls and routines.
  plain('librarianLocksClears'),
  plain('librarianRunsRoutine'),
  plain('noRoutine'),
  plain('phaseUntimed'),
  plain('lastPhase'),
  plain('firstPhase'),
  plain('groupBoardDeleted'),
  // Said by the device itself: it has no connection to send the request on.
  plain('notConnected'),
  // Whatever this version of the device does not know (a newer server's code).
  plain('unknown'),
]);

export type Refusal = z.infer<typeof refusalSchema>;
export type RefusalCode = Refusal['code'];

/** A refusal without parameters, by its code. */
export const refusal = <C extends RefusalCode>(code: C) =>
  ({ code }) as Extract<Refusal, { code: C }>;

/** The longest close reason the WebSocket protocol allows, in UTF-8 bytes. */
export const MAX_CLOSE_REASON_BYTES = 123;

/** A refusal as text, for a close reason or a reply. */
export function encodeRefusal(value: Refusal): string {
  const text = JSON.stringify(value);
  if (new TextEncoder().encode(text).length > MAX_CLOSE_REASON_BYTES) {
    throw new Error(`refusal ${value.code} does not fit a close reason`);
  }
  return text;
}

/** The refusal in a close reason or reply; `unknown` when it is not one this device knows. */
export function decodeRefusal(text: unknown): Refusal {
  let value: unknown = text;
  if (typeof text === 'string') {
    try {
      value = JSON.parse(text);
    } catch {
      return { code: 'unknown' };
    }
  }
  const parsed = refusalSchema.safeParse(value);
  return parsed.success ? parsed.data : { code: 'unknown' };
}
