import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { serverClockOffset } from '../routines/server-clock';

/** A screen the librarian made a table (its `rt_table` cookie says so to the server). */
export interface EnrolledTable {
  id: string;
  name: string;
  createdAt: number;
}

export interface LibrarianState {
  pinSet: boolean;
  signedIn: boolean;
  /** When this shared screen's session locks if left unused (server clock, ms), else null. */
  locksAt: number | null;
  /** The enrolled table this screen is, or null. */
  table: EnrolledTable | null;
  /** False when the server could not be asked (offline): the rest is a guess. */
  known: boolean;
}

/** What a device assumes when it cannot ask: protected, signed out, not a table it knows of. */
const UNKNOWN: LibrarianState = {
  pinSet: true,
  signedIn: false,
  locksAt: null,
  table: null,
  known: false,
};

async function fetchState(): Promise<LibrarianState> {
  const state = await api<Omit<LibrarianState, 'known'>>('GET', '/api/librarian');
  return { ...state, locksAt: state.locksAt ?? null, table: state.table ?? null, known: true };
}

/** Asked again at least this long after the last time, whatever the clocks say. */
const MIN_LOCK_CHECK_MS = 1000;
/** Asked a little after the lock is due, so the server has certainly locked it. */
const LOCK_CHECK_MARGIN_MS = 500;

/** How long to wait before asking whether a shared screen's session has locked. */
export function lockCheckDelay(locksAt: number, serverNow: number): number {
  return Math.max(MIN_LOCK_CHECK_MS, locksAt - serverNow + LOCK_CHECK_MARGIN_MS);
}

/**
 * Asks the server again once a shared screen's session is due to lock (it then answers
 * signed out; if the librarian used it meanwhile, with a later `locksAt` to wait for).
 */
function useLockCheck(locksAt: number | null, refresh: () => void) {
  useEffect(() => {
    if (locksAt === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    void serverClockOffset().then((offset) => {
      if (live) timer = setTimeout(refresh, lockCheckDelay(locksAt, Date.now() + offset));
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [locksAt, refresh]);
}

/**
 * The librarian's session on this device, and whether this screen is an enrolled table.
 * `onChange` runs after signing in or out and after enrolling, so the board's socket can
 * reconnect carrying (or no longer carrying) the cookies. On a `sharedScreen` (the table) a
 * sign-in locks again when left unused; the state follows when it does.
 */
export function useLibrarian(onChange: () => void, { sharedScreen = false } = {}) {
  const [state, setState] = useState<LibrarianState | null>(null);
  const refresh = useCallback(() => {
    fetchState().then(setState, () => setState((known) => known ?? UNKNOWN));
  }, []);
  useEffect(() => refresh(), [refresh]);
  useLockCheck(state?.locksAt ?? null, refresh);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      await action();
      setState(await fetchState().catch(() => UNKNOWN));
      onChange();
    },
    [onChange],
  );
  return {
    state,
    /** Asks the server again (after reconnecting, say). */
    refresh,
    setUp: (pin: string, setupCode: string) =>
      run(() => api('POST', '/api/librarian/setup', { pin, setupCode, sharedScreen })),
    signIn: (pin: string) =>
      run(() => api('POST', '/api/librarian/sign-in', { pin, sharedScreen })),
    signOut: () => run(() => api('POST', '/api/librarian/sign-out', {})),
    /** Makes this screen a table (the signed-in librarian only). */
    enrollTable: (name: string) => run(() => api('POST', '/api/tables', { name })),
  };
}

export type LibrarianSession = ReturnType<typeof useLibrarian>;

/** Before any PIN is set the table runs the class; after, only the signed-in librarian. */
export const mayFacilitate = (state: LibrarianState | null) =>
  state !== null && (state.signedIn || !state.pinSet);
