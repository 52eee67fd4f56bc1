import type { BoardController } from '../controller/controller';
import { RoutinePicker } from '../routines/RoutinePicker';
import type { LibrarianSession } from '../sync/librarian-session';
import { ClearBoardButton } from './ClearBoardButton';
import { Icon } from './icons';
import { LibrarianSignIn } from './LibrarianSignIn';
import type { AskPencil } from './PencilViews';
import { TableEnrollment } from './TableEnrollment';
import { PanelHeader, TableAction } from './TablePanel';
import { usePanelOpen } from './table/panel-state';
import { Sheet } from './table/Sheet';
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
  const [open, setOpen] = usePanelOpen('librarian');
  const { state } = session;
  if (!state) return null;
  const button = (
    <TableAction
      name="Librarian"
      icon={<Icon name="key" />}
      label={state.signedIn ? 'Librarian: signed in' : 'Librarian'}
      pressed={state.signedIn}
      onOpen={() => setOpen(!open)}
    />
  );
  if (!open) return button;
  return (
    <>
      {button}
      <Sheet className="librarian-panel" label="Librarian sign-in">
        <PanelHeader onClose={() => setOpen(false)}>Librarian</PanelHeader>
        {state.signedIn ? (
          <div className="librarian-actions">
            <TableEnrollment session={session} />
            {state.locksAt !== null && (
              <p className="hint">
                On this shared screen you are signed out once it is left alone.
              </p>
            )}
            <button
              type="button"
              className="pencil-action secondary"
              aria-pressed={controller.locked()}
              onClick={() => ask({ type: 'lock', locked: !controller.locked() })}
            >
              {controller.locked() ? 'Unlock the board' : 'Lock the board (read-only)'}
            </button>
            <ClearBoardButton boardId={boardId} />
            <a className="pencil-action secondary" href="/">
              ‹ All boards
            </a>
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
      </Sheet>
    </>
  );
}
