import { DEFAULT_PENCIL, type PencilState, pencilSchema } from '../schema/records/control';
import { type Refusal, type RefusalCode, refusal } from '../wire/refusal';

/**
 * The talking pencil as a pure state machine: the server runs it on requests from devices
 * and writes the result; clients only ever read the state.
 */

/** Who sent a request: the participant ids a device speaks for, and whether it may facilitate. */
export interface Requester {
  /** A table device speaks for all its seats; a tablet for itself. */
  ids: readonly string[];
  /** The librarian (for now: a table device) switches modes, gives, takes and sets the timer. */
  facilitator: boolean;
}

export type PencilRequest =
  | { type: 'setMode'; mode: PencilState['mode'] }
  | { type: 'pass'; from: string; to?: string }
  | { type: 'raiseHand'; who: string }
  | { type: 'lowerHand'; who: string }
  | { type: 'give'; to: string }
  | { type: 'take' }
  | { type: 'setTimer'; seconds: number | null; autoPass: boolean };

export interface PencilContext {
  /** Everyone who may hold the pencil now, in turn order: seats clockwise, then tablets. */
  participants: readonly string[];
  now: number;
}

export type PencilOutcome = { ok: true; state: PencilState } | { ok: false; error: Refusal };

const ok = (state: PencilState): PencilOutcome => ({ ok: true, state });
const refuse = (code: Exclude<RefusalCode, 'dotBudget' | 'turnLength'>): PencilOutcome => ({
  ok: false,
  error: refusal(code),
});

/** A stored pencil record as a state: the default when it is missing or not valid. */
export function parsePencil(raw: unknown): PencilState {
  const parsed = pencilSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_PENCIL;
}

/** The one place that says who may run the pencil for the class. */
export const mayFacilitate = (requester: Requester): boolean => requester.facilitator;

/** Who gets the pencil after `from`: the first raised hand, else the next in turn. */
export function nextHolder(
  state: PencilState,
  participants: readonly string[],
  from: string | null,
): string | null {
  const waiting = state.queue.find((id) => id !== from && participants.includes(id));
  if (waiting) return waiting;
  if (participants.length === 0) return null;
  const at = from === null ? -1 : participants.indexOf(from);
  if (at === -1) return participants[0] ?? null;
  return participants[(at + 1) % participants.length] ?? null;
}

/** Hands the pencil to `to`, starting a new turn and taking them out of the queue. */
function handTo(state: PencilState, to: string | null, now: number): PencilState {
  return {
    ...state,
    holderId: to,
    queue: state.queue.filter((id) => id !== to),
    turnStartedAt: to === null ? null : now,
  };
}

export function applyPencilRequest(
  state: PencilState,
  request: PencilRequest,
  requester: Requester,
  { participants, now }: PencilContext,
): PencilOutcome {
  const speaksFor = (id: string) => requester.ids.includes(id);
  switch (request.type) {
    case 'setMode': {
      if (!mayFacilitate(requester)) return refuse('librarianSwitchesPencil');
      if (request.mode === state.mode) return ok(state);
      if (request.mode === 'open')
        return ok({ ...state, mode: 'open', holderId: null, queue: [], turnStartedAt: null });
      return ok(handTo({ ...state, mode: 'pencil', queue: [] }, participants[0] ?? null, now));
    }
    case 'pass': {
      if (state.mode !== 'pencil') return refuse('openNoPencilToPass');
      const holds =
        state.holderId !== null && state.holderId === request.from && speaksFor(request.from);
      if (!holds && !mayFacilitate(requester)) return refuse('holderPassesPencil');
      if (request.to !== undefined && !participants.includes(request.to)) {
        return refuse('pencilToSomeoneHere');
      }
      const to = request.to ?? nextHolder(state, participants, state.holderId);
      return ok(handTo(state, to, now));
    }
    case 'raiseHand': {
      if (state.mode !== 'pencil') return refuse('openEveryoneDraws');
      if (!speaksFor(request.who)) return refuse('ownHandOnly');
      if (request.who === state.holderId || state.queue.includes(request.who)) return ok(state);
      return ok({ ...state, queue: [...state.queue, request.who] });
    }
    case 'lowerHand': {
      if (!speaksFor(request.who) && !mayFacilitate(requester)) return refuse('handOwnerLowers');
      return ok({ ...state, queue: state.queue.filter((id) => id !== request.who) });
    }
    case 'give': {
      if (!mayFacilitate(requester)) return refuse('librarianGivesPencil');
      if (state.mode !== 'pencil') return refuse('pencilOffFirst');
      if (!participants.includes(request.to)) return refuse('pencilToSomeoneHere');
      return ok(handTo(state, request.to, now));
    }
    case 'take': {
      if (!mayFacilitate(requester)) return refuse('librarianTakesPencil');
      return ok(handTo(state, null, now));
    }
    case 'setTimer': {
      if (!mayFacilitate(requester)) return refuse('librarianSetsTimer');
      const seconds = request.seconds;
      if (seconds !== null && (!Number.isInteger(seconds) || seconds < 10 || seconds > 3600)) {
        return { ok: false, error: { code: 'turnLength', min: 10, max: 3600 } };
      }
      return ok({
        ...state,
        turnSeconds: seconds,
        autoPass: seconds !== null && request.autoPass,
        turnStartedAt: state.holderId ? now : null,
      });
    }
  }
}

/** When the current turn ends (ms since the epoch), or null without a timer. */
export function turnEndsAt(state: PencilState): number | null {
  if (state.mode !== 'pencil' || state.turnSeconds === null || state.turnStartedAt === null)
    return null;
  return state.turnStartedAt + state.turnSeconds * 1000;
}

/**
 * Keeps the pencil with someone who is here: after a holder leaves (or their seat is
 * removed) it passes to the first raised hand, else the first in turn; raised hands of
 * people who left are dropped; an auto-pass timer that ran out passes it on. Returns the
 * same object when nothing changes. A pencil the librarian took back stays with nobody.
 */
export function reconcilePencil(
  state: PencilState,
  { participants, now }: PencilContext,
): PencilState {
  if (state.mode !== 'pencil') return state;
  let next = state;
  const queue = state.queue.filter((id) => participants.includes(id));
  if (queue.length !== state.queue.length) next = { ...next, queue };
  if (next.holderId !== null && !participants.includes(next.holderId)) {
    next = handTo(next, nextHolder(next, participants, null), now);
  }
  const ends = turnEndsAt(next);
  if (next.autoPass && ends !== null && now >= ends && next.holderId !== null) {
    next = handTo(next, nextHolder(next, participants, next.holderId), now);
  }
  return next;
}
