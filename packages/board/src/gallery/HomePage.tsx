import type { BoardSummary } from '@roundtable/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { LibraryLanguage } from '../i18n/LibraryLanguage';
import { GroupRunForm } from '../routines/GroupRunForm';
import { useLibrarian } from '../sync/librarian-session';
import { JoinBoardLink } from '../ui/JoinCodePage';
import { LibrarianSignIn } from '../ui/LibrarianSignIn';
import { BoardDangerActions } from './BoardDangerActions';
import { BoardTrash } from './BoardTrash';
import { EnrolledTables } from './EnrolledTables';
import { UndoToast } from './UndoToast';

/** Thumbnails follow what groups are drawing, a few seconds behind. */
const THUMBNAIL_REFRESH_MS = 5000;

/**
 * The librarian's home: every board with a live thumbnail; new, rename, duplicate, archive,
 * delete. Students who land here are pointed to the join page.
 */
export function HomePage() {
  const t = useT();
  const librarian = useLibrarian(useCallback(() => {}, []));
  const [boards, setBoards] = useState<BoardSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [title, setTitle] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const signedIn = librarian.state?.signedIn === true;

  const reload = useCallback(() => {
    api<BoardSummary[]>('GET', '/api/boards').then(setBoards, (caught: Error) =>
      setError(caught.message),
    );
  }, []);
  useEffect(() => {
    if (!signedIn) return;
    reload();
    const timer = setInterval(() => {
      setTick((t) => t + 1);
      reload();
    }, THUMBNAIL_REFRESH_MS);
    return () => clearInterval(timer);
  }, [signedIn, reload]);

  const act = (promise: Promise<unknown>) =>
    promise.then(reload, (caught: Error) => setError(caught.message));

  if (!librarian.state) return <main className="gallery" />;
  if (!signedIn) {
    return (
      <main className="gallery home">
        <header className="gallery-header">
          <h1>{t('app.name')}</h1>
          <p>{t('home.tagline')}</p>
          <LanguagePicker />
        </header>
        {!librarian.state.pinSet && librarian.state.known && (
          <p className="unprotected" role="status">
            {t('trust.unprotected')}
          </p>
        )}
        <div className="home-cards">
          <JoinBoardLink />
          <a className="exhibit-card home-link" href="/exhibits">
            <span className="exhibit-card-title">{t('home.galleryCard')}</span>
            <span className="exhibit-card-meta">{t('home.galleryCardMeta')}</span>
          </a>
          <section className="exhibit-card">
            <span className="exhibit-card-title">{t('home.librarianCard')}</span>
            <LibrarianSignIn session={librarian} />
          </section>
        </div>
      </main>
    );
  }
  const shown = (boards ?? []).filter((b) => showArchived || !b.archived);
  return (
    <main className="gallery home">
      <header className="gallery-header">
        <h1>{t('home.boards')}</h1>
        <p>
          <a href="/exhibits">{t('home.galleryLink')}</a> ·{' '}
          <a href="/exhibits/show">{t('home.slideshowLink')}</a> ·{' '}
          <button type="button" className="link" onClick={() => void librarian.signOut()}>
            {t('home.signOut')}
          </button>
        </p>
        <form
          className="gallery-filters"
          onSubmit={async (event) => {
            event.preventDefault();
            const { boardId } = await api<{ boardId: string }>('POST', '/api/boards', { title });
            window.location.assign(`/b/${boardId}?layout=table`);
          }}
        >
          <input
            aria-label={t('home.newBoardTitle')}
            placeholder={t('home.newBoardTitle')}
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" className="pencil-action">
            {t('home.newBoard')}
          </button>
          <label className="check">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.currentTarget.checked)}
            />
            {t('home.showArchived')}
          </label>
        </form>
        <p>
          <LanguagePicker /> <LibraryLanguage />
        </p>
      </header>
      {error && <p role="alert">{error}</p>}
      <GroupRunForm />
      <ul className="gallery-grid">
        {shown.map((b) => (
          <li key={b.id} className="exhibit-card board-card" data-board={b.id}>
            <a href={`/b/${b.id}?layout=table`}>
              <img
                src={`/api/boards/${b.id}/image.svg?v=${tick}`}
                alt={t('home.boardImage', { title: b.title || b.id })}
              />
            </a>
            <span className="exhibit-card-title">{b.title || t('home.untitled')}</span>
            <span className="exhibit-card-meta">
              {[
                t('home.things', { count: b.elements }),
                b.devices ? t('home.devices', { count: b.devices }) : '',
                b.locked ? t('home.locked') : '',
                b.pencil === 'pencil' ? t('home.talkingPencil') : '',
                b.archived ? t('home.archived') : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <div className="exhibit-actions">
              <button
                type="button"
                className="chip"
                onClick={() => {
                  const next = window.prompt(t('home.renamePrompt'), b.title);
                  if (next !== null) void act(api('PATCH', `/api/boards/${b.id}`, { title: next }));
                }}
              >
                {t('home.rename')}
              </button>
              <button
                type="button"
                className="chip"
                aria-pressed={b.locked}
                onClick={() => void act(api('PATCH', `/api/boards/${b.id}`, { locked: !b.locked }))}
              >
                {b.locked ? t('home.unlock') : t('home.lock')}
              </button>
              <button
                type="button"
                className="chip"
                aria-pressed={b.pencil === 'pencil'}
                onClick={() =>
                  void act(
                    api('PATCH', `/api/boards/${b.id}`, {
                      pencil: b.pencil === 'pencil' ? 'open' : 'pencil',
                    }),
                  )
                }
              >
                {b.pencil === 'pencil' ? t('home.pencilOn') : t('home.pencilOff')}
              </button>
              <button
                type="button"
                className="chip"
                onClick={() => void act(api('POST', `/api/boards/${b.id}/duplicate`))}
              >
                {t('home.duplicate')}
              </button>
              <button
                type="button"
                className="chip"
                onClick={() =>
                  void act(api('PATCH', `/api/boards/${b.id}`, { archived: !b.archived }))
                }
              >
                {b.archived ? t('home.unarchive') : t('home.archive')}
              </button>
              <BoardDangerActions board={b} onChanged={reload} />
            </div>
          </li>
        ))}
      </ul>
      <BoardTrash version={boards?.length ?? 0} onRestored={reload} />
      <UndoToast />
      <EnrolledTables />
    </main>
  );
}
