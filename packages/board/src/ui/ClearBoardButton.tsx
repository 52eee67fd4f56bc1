import { useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

/**
 * "Clear the board" in the librarian's panel: it clears at once (no "are you sure?") and
 * offers Undo right here, for as long as the panel is open; the home page's Undo and the
 * server keep the cleared content for 30 days.
 */
export function ClearBoardButton({ boardId }: { boardId: string }) {
  const t = useT();
  const [state, setState] = useState<'ready' | 'cleared' | 'busy'>('ready');
  const [error, setError] = useState<string | null>(null);
  const call = (path: string, next: 'ready' | 'cleared') => {
    setError(null);
    setState('busy');
    api('POST', path).then(
      () => setState(next),
      (caught: Error) => {
        setState(next === 'cleared' ? 'ready' : 'cleared');
        setError(caught.message);
      },
    );
  };
  return (
    <div className="clear-board">
      {state === 'cleared' ? (
        <p className="hint" role="status">
          {t('clear.cleared')}{' '}
          <button
            type="button"
            className="pencil-action secondary"
            onClick={() => call(`/api/boards/${boardId}/undo-clear`, 'ready')}
          >
            {t('clear.undo')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="pencil-action secondary"
          disabled={state === 'busy'}
          onClick={() => call(`/api/boards/${boardId}/clear`, 'cleared')}
        >
          {t('clear.clear')}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
