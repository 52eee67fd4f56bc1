import type { ExhibitInfo } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { exhibitImageUrl, formatDate, listExhibits } from './exhibits-api';

/** The library's gallery: every exhibit as a card, newest first, by group and date. */
export function GalleryPage() {
  const [exhibits, setExhibits] = useState<ExhibitInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [group, setGroup] = useState('');
  const [since, setSince] = useState('');
  useEffect(() => {
    listExhibits().then(setExhibits, (caught: Error) => setError(caught.message));
  }, []);
  const groups = [...new Set((exhibits ?? []).map((e) => e.group).filter(Boolean))].sort();
  const sinceMs = since ? new Date(since).getTime() : 0;
  const shown = (exhibits ?? []).filter(
    (e) => (!group || e.group === group) && e.createdAt >= sinceMs,
  );
  return (
    <main className="gallery">
      <header className="gallery-header">
        <h1>Exhibits</h1>
        <p>What groups made at the table, kept by the library.</p>
        <div className="gallery-filters">
          <label>
            Group
            <select value={group} onChange={(event) => setGroup(event.currentTarget.value)}>
              <option value="">All groups</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
          <label>
            Since
            <input
              type="date"
              value={since}
              onChange={(event) => setSince(event.currentTarget.value)}
            />
          </label>
        </div>
      </header>
      {error && <p role="alert">The gallery could not be loaded: {error}.</p>}
      {exhibits === null && !error && <p>Loading the gallery…</p>}
      {exhibits?.length === 0 && (
        <p className="gallery-empty">No exhibits yet. The librarian saves them from a board.</p>
      )}
      {exhibits !== null && exhibits.length > 0 && shown.length === 0 && (
        <p className="gallery-empty" role="status">
          {['No exhibits', group && `from ${group}`, since && `since ${formatDate(sinceMs)}`]
            .filter(Boolean)
            .join(' ')}
          .{' '}
          <button
            type="button"
            className="pencil-action secondary"
            onClick={() => {
              setGroup('');
              setSince('');
            }}
          >
            Show them all
          </button>
        </p>
      )}
      <ul className="gallery-grid">
        {shown.map((e) => (
          <li key={e.id}>
            <a className="exhibit-card" href={`/exhibits/${e.id}`} data-exhibit={e.id}>
              <img src={exhibitImageUrl(e.id)} alt={`The board “${e.title}”`} loading="lazy" />
              <span className="exhibit-card-title">{e.title}</span>
              <span className="exhibit-card-meta">
                {[e.group, formatDate(e.createdAt)].filter(Boolean).join(' · ')}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
