import { DEFAULT_ROUTINE, type RoutineState, routineSchema } from '../schema/records/control';
import type { HttpRefusal } from '../wire/http-refusal';
import { type Refusal, refusal } from '../wire/refusal';
import type { RoutineTemplate } from './template';

/**
 * A routine's phases and countdown as a pure state machine. The server runs it on the
 * librarian's requests and writes the result; every device derives the time left from the
 * stored deadline and its estimate of the server's clock, so all show the same time.
 */
export type RoutineAction = 'start' | 'pause' | 'next' | 'previous' | 'addMinute' | 'end';
export const ROUTINE_ACTIONS: readonly RoutineAction[] = [
  'start',
  'pause',
  'next',
  'previous',
  'addMinute',
  'end',
];

export type RoutineOutcome = { ok: true; state: RoutineState } | { ok: false; error: Refusal };

const ok = (state: RoutineState): RoutineOutcome => ({ ok: true, state });
const refuse = (
  code: 'noRoutine' | 'phaseUntimed' | 'lastPhase' | 'firstPhase',
): RoutineOutcome => ({
  ok: false,
  error: refusal(code),
});

/** A phase's full length, or null when it has no timer. */
const phaseMs = (state: RoutineState, index: number): number | null => {
  const seconds = state.phases[index]?.seconds;
  return seconds == null ? null : seconds * 1000;
};

/** Phase `index`, waiting for the librarian's start (its full time left). */
function atPhase(state: RoutineState, index: number): RoutineState {
  return {
    ...state,
    phaseIndex: index,
    phaseEndsAt: null,
    pausedRemainingMs: phaseMs(state, index),
  };
}

/**
 * What the librarian may change when starting a routine: each phase's length in seconds
 * (in the template's order; null leaves a phase untimed, a missing entry as it is) and the
 * dots each person gets.
 */
export interface RoutineSettings {
  phaseSeconds?: readonly (number | null | undefined)[];
  votesPerParticipant?: number;
}

/** A routine just started from `template`: first phase, clock not yet running. */
export function startRoutineState(
  template: Pick<RoutineTemplate, 'id' | 'title' | 'phases' | 'votesPerParticipant'>,
  runId: string | null = null,
  settings: RoutineSettings = {},
): RoutineState {
  const state: RoutineState = {
    ...DEFAULT_ROUTINE,
    templateId: template.id,
    title: template.title.slice(0, 80),
    phases: template.phases.map((phase, i) => {
      const seconds = settings.phaseSeconds?.[i];
      return seconds === undefined ? { ...phase } : { ...phase, seconds };
    }),
    votesPerParticipant:
      template.votesPerParticipant === null
        ? null
        : (settings.votesPerParticipant ?? template.votesPerParticipant),
    runId,
  };
  return atPhase(state, 0);
}

/** Dots each person may place now: the budget in a voting phase, else null (no vote on). */
export function votingBudget(state: RoutineState): number | null {
  return state.phases[state.phaseIndex]?.votes ? state.votesPerParticipant : null;
}

/** The settings as the routine's records allow them, or why not (for a clear 400). */
export function settingsProblem(
  template: Pick<RoutineTemplate, 'phases' | 'votesPerParticipant'>,
  settings: RoutineSettings,
): HttpRefusal | null {
  const { phaseSeconds, votesPerParticipant } = settings;
  if (phaseSeconds !== undefined) {
    if (!Array.isArray(phaseSeconds) || phaseSeconds.length > template.phases.length)
      return { code: 'phaseCount', max: template.phases.length };
    for (const seconds of phaseSeconds) {
      if (seconds === null || seconds === undefined) continue;
      if (!Number.isInteger(seconds) || seconds < 10 || seconds > 7_200)
        return { code: 'phaseSeconds', min: 10, max: 7_200 };
    }
  }
  if (votesPerParticipant !== undefined) {
    if (template.votesPerParticipant === null) return { code: 'noDotVote' };
    if (
      !Number.isInteger(votesPerParticipant) ||
      votesPerParticipant < 1 ||
      votesPerParticipant > 20
    )
      return { code: 'votesPerPerson', min: 1, max: 20 };
  }
  return null;
}

/** A stored routine record as a state: the default when it is missing or not valid. */
export function parseRoutine(raw: unknown): RoutineState {
  const parsed = routineSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_ROUTINE;
}

export const routineActive = (state: RoutineState): boolean => state.phases.length > 0;
export const clockRunning = (state: RoutineState): boolean => state.phaseEndsAt !== null;

/** Milliseconds left in the current phase at server time `now` (0 when up), or null if untimed. */
export function timeLeftMs(state: RoutineState, now: number): number | null {
  if (state.phaseEndsAt !== null) return Math.max(0, state.phaseEndsAt - now);
  return state.pausedRemainingMs;
}

export function applyRoutineAction(
  state: RoutineState,
  action: RoutineAction,
  now: number,
): RoutineOutcome {
  if (!routineActive(state)) return refuse('noRoutine');
  const last = state.phases.length - 1;
  switch (action) {
    case 'start': {
      if (clockRunning(state)) return ok(state);
      const left = state.pausedRemainingMs;
      if (left === null) return refuse('phaseUntimed');
      // Time was up: start means "run this phase again".
      const run = left > 0 ? left : (phaseMs(state, state.phaseIndex) ?? 0);
      return ok({ ...state, phaseEndsAt: now + run, pausedRemainingMs: null });
    }
    case 'pause':
      if (!clockRunning(state)) return ok(state);
      return ok({ ...state, phaseEndsAt: null, pausedRemainingMs: timeLeftMs(state, now) });
    case 'next': {
      if (state.phaseIndex >= last) return refuse('lastPhase');
      // Moving on starts the next phase's clock at once: the class is waiting.
      const next = atPhase(state, state.phaseIndex + 1);
      return next.pausedRemainingMs === null
        ? ok(next)
        : ok({ ...next, phaseEndsAt: now + next.pausedRemainingMs, pausedRemainingMs: null });
    }
    case 'previous':
      if (state.phaseIndex === 0) return refuse('firstPhase');
      return ok(atPhase(state, state.phaseIndex - 1));
    case 'addMinute':
      // Time already up: a minute from now, not from the deadline that passed.
      if (state.phaseEndsAt !== null) {
        return ok({ ...state, phaseEndsAt: Math.max(state.phaseEndsAt, now) + 60_000 });
      }
      if (state.pausedRemainingMs !== null) {
        return ok({ ...state, pausedRemainingMs: state.pausedRemainingMs + 60_000 });
      }
      return refuse('phaseUntimed');
    case 'end':
      // No phases any more; which routine it was stays, for exhibits saved afterwards.
      return ok({
        ...DEFAULT_ROUTINE,
        templateId: state.templateId,
        title: state.title,
        runId: state.runId,
      });
  }
}

/** "1:30" for 90 000 ms; rounds up so the clock shows 0:00 only when time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}
