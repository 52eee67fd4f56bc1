import { JOIN_CODE_LENGTH, normaliseJoinCode } from '@roundtable/shared';
import { useState } from 'react';

/** A tablet without a camera: type the code the table shows, and go to that board. */
export function JoinCodePage() {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    const code = normaliseJoinCode(typed);
    if (!code) {
      setError(`A code has ${JOIN_CODE_LENGTH} letters and digits, like the one on the table.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/join/${code}`);
      const body = (await response.json()) as { boardId?: string; error?: string };
      if (!response.ok || !body.boardId) throw new Error(body.error ?? 'no board has this code');
      window.location.assign(`/b/${body.boardId}?layout=tablet`);
    } catch (caught) {
      setError(`That did not work: ${(caught as Error).message}.`);
      setBusy(false);
    }
  };
  return (
    <main className="join-page">
      <form
        className="join-sheet"
        aria-label="Join with a code"
        onSubmit={(event) => {
          event.preventDefault();
          void go();
        }}
      >
        <h1>Roundtable</h1>
        <h2>Type the code shown on the table</h2>
        <input
          aria-label="Board code"
          className="code-input"
          value={typed}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          placeholder="ABC 234"
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        {error && (
          <p className="join-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="join-button" disabled={busy || !typed.trim()}>
          {busy ? 'Finding the board…' : 'Go to the board'}
        </button>
      </form>
    </main>
  );
}

/** The home page's way in for students: a card that leads to this page. */
export function JoinBoardLink() {
  return (
    <a className="exhibit-card home-link" href="/join">
      <span className="exhibit-card-title">Join a board</span>
      <span className="exhibit-card-meta">Type the code shown on the table</span>
    </a>
  );
}
