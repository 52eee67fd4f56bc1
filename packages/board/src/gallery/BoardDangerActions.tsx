import type { BoardSummary } from '@roundtable/shared';
import { useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { offerUndo } from './undo-toast';

const name = (board: BoardSummary) => board.title || board.id;

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
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>, done: () => void) => {
    setError(null);
    work.then(
      () => {
        onChanged();
        done();
      },
      (caught: Error) => setError(caught.message),
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
              text: t('danger.cleared', { title: name(board) }),
              undo: () => api('POST', `/api/boards/${board.id}/undo-clear`).then(onChanged),
            }),
          )
        }
      >
        {t('danger.clear')}
      </button>
      <button
        type="button"
        className="chip"
        onClick={() => {
          if (
            devices > 0 &&
            !window.confirm(t('danger.confirmClose', { count: devices, title: name(board) }))
          )
            return;
          run(api('DELETE', `/api/boards/${board.id}${devices > 0 ? '?close=1' : ''}`), () =>
            offerUndo({
              text: t('danger.trashed', { title: name(board) }),
              undo: () => api('POST', `/api/trash/${board.id}/restore`).then(onChanged),
            }),
          );
        }}
      >
        {devices > 0 ? t('danger.closeAndDelete') : t('danger.delete')}
      </button>
      {error && (
        <p className="card-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
