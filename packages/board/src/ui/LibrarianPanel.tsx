import { useState } from 'react';
import type { BoardController } from '../controller/controller';
import { RoutinePicker } from '../routines/RoutinePicker';
import type { LibrarianSession } from '../sync/librarian-session';
import { Icon } from './icons';
import type { AskPencil } from './PencilViews';
import { PanelHeader, TableAction } from './TablePanel';
import { useControllerState } from './useControllerState';

/** Sign in as the librarian (or set the PIN on a fresh install), and sign out. */
export function LibrarianPanel({
  session,
  controller,
  ask,
  boardId,
}: {
  session: LibrarianSession;
  controller: BoardController;
  ask: AskPencil;
  boardId: string;
}) {
  useControllerState(controller, ['pencil']);
  const [open, setOpen] = useState(false);
  const { state } = session;
  if (!state) return null;
  if (!open) {
    return (
      <TableAction
        name="Librarian"
        icon={<Icon name="key" />}
        label={state.signedIn ? 'Librarian: signed in' : 'Librarian'}
        pressed={state.signedIn}
        onOpen={() => setOpen(true)}
      />
    );
  }
  return (
    <section className="librarian-panel" aria-label="Librarian sign-in">
      <PanelHeader onClose={() => setOpen(false)}>Librarian</PanelHeader>
      {state.signedIn ? (
        <div className="librarian-actions">
          <button
            type="button"
            className="pencil-action secondary"
            aria-pressed={controller.locked()}
            onClick={() => ask({ type: 'lock', locked: !controller.locked() })}
          >
            {controller.locked() ? 'Unlock the board' : 'Lock the board (read-only)'}
          </button>
          <button
            type="button"
            className="pencil-action secondary"
            onClick={() => {
              if (
                window.confirm('Clear everything on this board? Exhibits saved from it are kept.')
              ) {
                ask({ type: 'clear' });
              }
            }}
          >
            Clear the board
          </button>
          <RoutinePicker boardId={boardId} onDone={() => setOpen(false)} />
          <button
            type="button"
            className="pencil-action"
            onClick={() => {
              void session.signOut();
              setOpen(false);
            }}
          >
            Sign out
          </button>
        </div>
      ) : (
        <LibrarianSignIn session={session} onDone={() => setOpen(false)} />
      )}
    </section>
  );
}

/** The PIN form: set it on a fresh install, else sign in. */
export function LibrarianSignIn({
  session,
  onDone = () => {},
}: {
  session: LibrarianSession;
  onDone?: () => void;
}) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { state } = session;
  if (!state) return null;
  const submit = async () => {
    setError(null);
    try {
      if (state.pinSet) await session.signIn(pin);
      else await session.setUp(pin);
      setPin('');
      onDone();
    } catch (caught) {
      const message = (caught as Error).message;
      setError(`${message.charAt(0).toUpperCase()}${message.slice(1)}.`);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p>
        {state.pinSet
          ? 'Enter the librarian PIN.'
          : 'Choose a librarian PIN (4 to 12 digits). Students will not need one.'}
      </p>
      <input
        aria-label="Librarian PIN"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={pin}
        onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, ''))}
      />
      {error && (
        <p className="join-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="pencil-action" disabled={pin.length < 4}>
        {state.pinSet ? 'Sign in' : 'Set the PIN and sign in'}
      </button>
    </form>
  );
}
