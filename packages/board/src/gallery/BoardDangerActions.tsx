import type { BoardSummary } from '@roundtable/shared';
import { useState } from 'react';
import { api, sentence } from '../api';
import { offerUndo } from './undo-toast';

const name = (board: BoardSummary) => `“${board.title || board.id}”`;

/**
 * Clear and Delete on a board's card. Both can be undone (the last clear, and the trash for
 * 30 days), so they ask only when devices are on the board: then deleting closes it on them,
 * and they are told. What went wrong shows here, on the card, until the next try.
 */
export function BoardDangerActions({
  board,
  onChanged,
}: {
  board: BoardSummary;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>, done: () => void) => {
    setError(null);
    work.then(
      () => {
        onChanged();
        done();
      },
      (caught: Error) => setError(sentence(caught.message)),
    );
  };
  const devices = board.devices;
  return (
    <>
      <button
        type="button"
        className="chip"
        onClick={() =>
          run(api('POST', `/api/boards/${board.id}/clear`), () =>
            offerUndo({
              text: `Cleared ${name(board)}.`,
              undo: () => api('POST', `/api/boards/${board.id}/undo-clear`).then(onChanged),
            }),
          )
        }
      >
        Clear
      </button>
      <button
        type="button"
        className="chip"
        onClick={() => {
          if (
            devices > 0 &&
            !window.confirm(
              `${devices} ${devices === 1 ? 'device is' : 'devices are'} on ${name(board)}. Close it on them and move it to the trash?`,
            )
          )
            return;
          run(api('DELETE', `/api/boards/${board.id}${devices > 0 ? '?close=1' : ''}`), () =>
            offerUndo({
              text: `Moved ${name(board)} to the trash.`,
              undo: () => api('POST', `/api/trash/${board.id}/restore`).then(onChanged),
            }),
          );
        }}
      >
        {devices > 0 ? 'Close and delete' : 'Delete'}
      </button>
      {error && (
        <p className="card-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
