import { useEffect, useState } from 'react';
import type { BoardConnection } from '../sync/board-connection';

/**
 * Covers the board once the librarian has closed it (deleted it while this device was on
 * it): says so, and where to go next. Nothing drawn here after that would be kept.
 */
export function BoardClosed({ connection }: { connection: BoardConnection }) {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => connection.onBoardClosed(setMessage), [connection]);
  if (message === null) return null;
  return (
    <div className="join-backdrop board-closed" role="alertdialog" aria-label="Board closed">
      <section className="join-sheet">
        <h2>{message}</h2>
        <p>Ask the librarian which board to join next.</p>
        <a className="pencil-action" href="/join">
          Join another board
        </a>
      </section>
    </div>
  );
}
