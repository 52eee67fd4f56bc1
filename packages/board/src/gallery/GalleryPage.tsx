import type { ExhibitInfo } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { exhibitImageUrl, formatDate, listExhibits } from './exhibits-api';

/** The library's gallery: every exhibit as a card, newest first, by group and date. */
export function GalleryPage() {
  const t = useT();
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
        <h1>{t('gallery.title')}</h1>
        <p>{t('gallery.intro')}</p>
        <div className="gallery-filters">
          <label>
            {t('gallery.group')}
            <select value={group} onChange={(event) => setGroup(event.currentTarget.value)}>
              <option value="">{t('gallery.allGroups')}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('gallery.since')}
            <input
              type="date"
              value={since}
              onChange={(event) => setSince(event.currentTarget.value)}
            />
          </label>
        </div>
      </header>
      {error && <p role="alert">{t('gallery.loadFailed', { reason: error })}</p>}
      {exhibits === null && !error && <p>{t('gallery.loading')}</p>}
      {exhibits?.length === 0 && <p className="gallery-empty">{t('gallery.empty')}</p>}
      {exhibits !== null && exhibits.length > 0 && shown.length === 0 && (
        <p className="gallery-empty" role="status">
          {group && since
            ? t('gallery.noneFromGroupSince', { group, date: formatDate(sinceMs) })
            : group
              ? t('gallery.noneFromGroup', { group })
              : since
                ? t('gallery.noneSince', { date: formatDate(sinceMs) })
                : t('gallery.noneFiltered')}{' '}
          <button
            type="button"
            className="pencil-action secondary"
            onClick={() => {
              setGroup('');
              setSince('');
            }}
          >
            {t('gallery.showAll')}
          </button>
        </p>
      )}
      <ul className="gallery-grid">
        {shown.map((e) => (
          <li key={e.id}>
            <a className="exhibit-card" href={`/exhibits/${e.id}`} data-exhibit={e.id}>
              <img
                src={exhibitImageUrl(e.id)}
                alt={t('gallery.imageAlt', { title: e.title })}
                loading="lazy"
              />
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
