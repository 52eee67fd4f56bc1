import { useState } from 'react';
import { useT } from '../i18n';
import { offerUndo, useUndoOffer } from './undo-toast';
import './home-actions.css';

/** The last clear or delete, at the bottom of the screen whatever is scrolled, with Undo. */
export function UndoToast() {
  const t = useT();
  const offer = useUndoOffer();
  const [error, setError] = useState<string | null>(null);
  if (!offer && !error) return null;
  return (
    <div className="undo-toast" role="status">
      <span>{error ?? offer?.text}</span>
      {offer && (
        <button
          type="button"
          className="pencil-action secondary"
          onClick={() => {
            setError(null);
            offer.undo().then(
              () => offerUndo(null),
              (caught: Error) => {
                offerUndo(null);
                setError(caught.message);
              },
            );
          }}
        >
          {t('undo.undo')}
        </button>
      )}
      {error && (
        <button type="button" className="chip" onClick={() => setError(null)}>
          {t('undo.close')}
        </button>
      )}
    </div>
  );
}
