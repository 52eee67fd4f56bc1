import type { BoardController } from '../controller/controller';
import { useT } from '../i18n';
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
  const t = useT();
  useControllerState(controller, ['pencil']);
  const [open, setOpen] = usePanelOpen('librarian');
  const { state } = session;
  if (!state) return null;
  const button = (
    <TableAction
      name={t('librarian.title')}
      icon={<Icon name="key" />}
      label={state.signedIn ? t('librarian.signedIn') : t('librarian.title')}
      pressed={state.signedIn}
      onOpen={() => setOpen(!open)}
    />
  );
  if (!open) return button;
  return (
    <>
      {button}
      <Sheet
        className="librarian-panel"
        label={t('librarian.sheet')}
        onClose={() => setOpen(false)}
      >
        <PanelHeader onClose={() => setOpen(false)}>{t('librarian.title')}</PanelHeader>
        {state.signedIn ? (
          <div className="librarian-actions">
            <TableEnrollment session={session} />
            {state.locksAt !== null && <p className="hint">{t('librarian.sharedScreen')}</p>}
            <button
              type="button"
              className="pencil-action secondary"
              aria-pressed={controller.locked()}
              onClick={() => ask({ type: 'lock', locked: !controller.locked() })}
            >
              {controller.locked() ? t('librarian.unlock') : t('librarian.lock')}
            </button>
            <ClearBoardButton boardId={boardId} />
            <a className="pencil-action secondary" href="/">
              {t('librarian.allBoards')}
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
              {t('librarian.signOut')}
            </button>
          </div>
        ) : (
          <LibrarianSignIn session={session} onDone={() => setOpen(false)} />
        )}
      </Sheet>
    </>
  );
}
