import { useState } from 'react';
import { sentence } from '../api';
import type { LibrarianSession } from '../sync/librarian-session';

/** The PIN form: set it on a fresh install (with the server's setup code), else sign in. */
export function LibrarianSignIn({
  session,
  onDone = () => {},
}: {
  session: LibrarianSession;
  onDone?: () => void;
}) {
  const [pin, setPin] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { state } = session;
  if (!state) return null;
  const settingUp = !state.pinSet;
  const submit = async () => {
    setError(null);
    try {
      if (settingUp) await session.setUp(pin, code);
      else await session.signIn(pin);
      setPin('');
      setCode('');
      onDone();
    } catch (caught) {
      setError(sentence((caught as Error).message));
      // A PIN set meanwhile elsewhere, say: the form follows what the server says now.
      session.refresh();
    }
  };
  return (
    <form
      className="librarian-sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p>
        {settingUp
          ? 'Choose a librarian PIN (4 to 12 digits). Students will not need one.'
          : 'Enter the librarian PIN.'}
      </p>
      {settingUp && (
        <>
          <input
            aria-label="Setup code"
            className="setup-code"
            placeholder="Setup code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.toUpperCase())}
          />
          <p className="hint">
            The setup code is printed in the server’s console when it started (“Librarian setup
            code: …”).
          </p>
        </>
      )}
      <input
        aria-label="Librarian PIN"
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        placeholder={settingUp ? 'New PIN' : undefined}
        maxLength={12}
        value={pin}
        onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, ''))}
      />
      {error && (
        <p className="join-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="pencil-action"
        disabled={pin.length < 4 || (settingUp && code.trim() === '')}
      >
        {settingUp ? 'Set the PIN and sign in' : 'Sign in'}
      </button>
    </form>
  );
}
