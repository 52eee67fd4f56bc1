import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n';
import { type LibrarianState, useLibrarian } from '../sync/librarian-session';
import { JoinBoardLink } from './JoinCodePage';
import { LibrarianSignIn } from './LibrarianSignIn';

/**
 * Whether this device may open `boardId`: a board that exists, or a new one when the library
 * has no librarian yet or the librarian is signed in here. Offline, the board opens (a tablet
 * reloading without Wi-Fi keeps its work); the server has the last word either way.
 */
export function useBoardMissing(boardId: string): boolean {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([
      fetch(`/api/boards/${boardId}/join`).then((r) => r.json() as Promise<{ exists?: boolean }>),
      fetch('/api/librarian').then((r) => r.json() as Promise<LibrarianState>),
    ]).then(
      ([board, librarian]) => {
        if (live) setMissing(board.exists === false && librarian.pinSet && !librarian.signedIn);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [boardId]);
  return missing;
}

/** A board that is not there: say so, and how to get to one. */
export function NoSuchBoard({ boardId }: { boardId: string }) {
  const t = useT();
  const librarian = useLibrarian(useCallback(() => window.location.reload(), []));
  return (
    <main className="gallery home">
      <header className="gallery-header">
        <h1>{t('noBoard.title', { id: boardId })}</h1>
        <p>{t('noBoard.hint')}</p>
      </header>
      <div className="home-cards">
        <JoinBoardLink />
        <section className="exhibit-card">
          <span className="exhibit-card-title">{t('noBoard.signIn')}</span>
          <LibrarianSignIn session={librarian} />
        </section>
      </div>
    </main>
  );
}
