import { useEffect, useState } from 'react';
import { api, sentence } from '../api';
import { formatDate } from './exhibits-api';

interface Trashed {
  id: string;
  title: string;
  trashedAt: number;
  restoreUntil: number;
}

/** Deleted boards the librarian can still bring back (30 days), below the boards. */
export function BoardTrash({ version, onRestored }: { version: number; onRestored: () => void }) {
  const [trash, setTrash] = useState<Trashed[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void version; // looked at again whenever the boards were
    api<Trashed[]>('GET', '/api/trash').then(setTrash, () => {});
  }, [version]);
  if (trash.length === 0) return null;
  return (
    <section className="board-trash" aria-label="Trash">
      <h2>Trash</h2>
      <p className="hint">Deleted boards stay here for 30 days.</p>
      {error && <p role="alert">{error}</p>}
      <ul>
        {trash.map((t) => (
          <li key={t.id}>
            <span>
              {t.title || 'Untitled board'} · deleted {formatDate(t.trashedAt)}
            </span>
            <button
              type="button"
              className="chip"
              onClick={() =>
                api('POST', `/api/trash/${t.id}/restore`).then(onRestored, (caught: Error) =>
                  setError(sentence(caught.message)),
                )
              }
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
