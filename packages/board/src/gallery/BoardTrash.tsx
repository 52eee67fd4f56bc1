import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { formatDate } from './exhibits-api';

interface Trashed {
  id: string;
  title: string;
  trashedAt: number;
  restoreUntil: number;
}

/** Deleted boards the librarian can still bring back (30 days), below the boards. */
export function BoardTrash({ version, onRestored }: { version: number; onRestored: () => void }) {
  const t = useT();
  const [trash, setTrash] = useState<Trashed[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void version; // looked at again whenever the boards were
    api<Trashed[]>('GET', '/api/trash').then(setTrash, () => {});
  }, [version]);
  if (trash.length === 0) return null;
  return (
    <section className="board-trash" aria-label={t('trash.label')}>
      <h2>{t('trash.label')}</h2>
      <p className="hint">{t('trash.hint')}</p>
      {error && <p role="alert">{error}</p>}
      <ul>
        {trash.map((item) => (
          <li key={item.id}>
            <span>
              {t('trash.item', {
                title: item.title || t('home.untitled'),
                date: formatDate(item.trashedAt),
              })}
            </span>
            <button
              type="button"
              className="chip"
              onClick={() =>
                api('POST', `/api/trash/${item.id}/restore`).then(onRestored, (caught: Error) =>
                  setError(caught.message),
                )
              }
            >
              {t('trash.restore')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
