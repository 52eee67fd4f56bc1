import { useCallback, useEffect, useState } from 'react';

export interface LibrarianState {
  pinSet: boolean;
  signedIn: boolean;
}

async function call(path: string, body?: unknown): Promise<LibrarianState> {
  const response = await fetch(`/api/librarian${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as {
    error?: string;
  } & Partial<LibrarianState>;
  if (!response.ok) throw new Error(answer.error ?? `HTTP ${response.status}`);
  const state = await fetch('/api/librarian').then((r) => r.json() as Promise<LibrarianState>);
  return state;
}

/**
 * The librarian's session on this device. `onChange` runs after signing in or out, so the
 * board's socket can reconnect carrying (or no longer carrying) the session cookie.
 */
export function useLibrarian(onChange: () => void) {
  const [state, setState] = useState<LibrarianState | null>(null);
  useEffect(() => {
    call('').then(setState, () => setState({ pinSet: true, signedIn: false }));
  }, []);
  const run = useCallback(
    async (path: string, body: unknown) => {
      const next = await call(path, body);
      setState(next);
      onChange();
    },
    [onChange],
  );
  return {
    state,
    setUp: (pin: string) => run('/setup', { pin }),
    signIn: (pin: string) => run('/sign-in', { pin }),
    signOut: () => run('/sign-out', {}),
  };
}

export type LibrarianSession = ReturnType<typeof useLibrarian>;

/** Before any PIN is set the table runs the class; after, only the signed-in librarian. */
export const mayFacilitate = (state: LibrarianState | null) =>
  state !== null && (state.signedIn || !state.pinSet);
