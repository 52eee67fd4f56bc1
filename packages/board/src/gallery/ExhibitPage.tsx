import { type ExhibitInfo, openBoard, REPLAY_SPEEDS } from '@roundtable/shared';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { BoardController } from '../controller/controller';
import { formatNumber, t } from '../i18n';
import { useLibrarian } from '../sync/librarian-session';
import { exposeTestHook } from '../test-hook/expose';
import { BoardCanvas } from '../ui/BoardCanvas';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ZoomControls } from '../ui/ViewControls';
import { useWindowSize } from '../useWindowSize';
import { ExportButton, useExports } from './ExportButton';
import {
  boardFromExhibit,
  deleteExhibit,
  exhibitImageUrl,
  formatDate,
  getExhibit,
  getExhibitSnapshot,
} from './exhibits-api';
import { boardToPng } from './export-png';
import { useReplay } from './use-replay';

const noop = () => {};

/**
 * One exhibit, read-only: the saved board to pan and zoom (fingers move it, nothing draws),
 * its story, and downloads. There is no socket here: nothing can change an exhibit.
 */
export function ExhibitPage({ exhibitId }: { exhibitId: string }) {
  const { width, height } = useWindowSize();
  const [info, setInfo] = useState<ExhibitInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exports = useExports();
  const doc = useMemo(() => new Y.Doc(), []);
  const controller = useMemo(() => {
    const c = new BoardController(openBoard(doc), {
      actorId: 'viewer',
      layout: 'tablet',
      viewport: { width: window.innerWidth, height: window.innerHeight },
    });
    c.setTool('hand');
    return c;
  }, [doc]);
  const replay = useReplay(controller.board);
  useDocumentTitle(info?.title ?? t('exhibitPage.title'));
  const librarian = useLibrarian(noop);
  useEffect(() => {
    // For end-to-end tests (test builds only): what the exhibit view holds right now.
    if (import.meta.env.VITE_TEST_HOOK)
      exposeTestHook({ elements: () => [...controller.board.elements.values()] });
  }, [controller]);
  useEffect(() => {
    Promise.all([getExhibit(exhibitId), getExhibitSnapshot(exhibitId)]).then(
      ([meta, snapshot]) => {
        Y.applyUpdate(doc, snapshot);
        setInfo(meta);
      },
      (caught: Error) => setError(caught.message),
    );
    return () => controller.destroy();
  }, [exhibitId, doc, controller]);

  // Fit once the information panel is there, beside or below it (whichever leaves more room).
  useLayoutEffect(() => {
    const panel = document.querySelector('.exhibit-info')?.getBoundingClientRect();
    if (!info || !panel) return;
    const roomRight = window.innerWidth - panel.right;
    const roomBelow = window.innerHeight - panel.bottom;
    controller.fitToContent(
      roomRight * window.innerHeight > roomBelow * window.innerWidth
        ? { left: panel.right }
        : { top: panel.bottom },
    );
  }, [info, controller]);

  if (error) {
    return (
      <main className="gallery">
        <p role="alert">{t('exhibitPage.openFailed', { reason: error })}</p>
        <a href="/exhibits">{t('exhibitPage.backToGallery')}</a>
      </main>
    );
  }
  return (
    <main className="board exhibit-view layout-tablet" data-exhibit={exhibitId}>
      <BoardCanvas controller={controller} awareness={null} width={width} height={height} />
      {info && (
        <header className="exhibit-info">
          <a href="/exhibits" className="back">
            {t('exhibitPage.back')}
          </a>
          <h1>{info.title}</h1>
          <p className="exhibit-meta">
            {[info.group, formatDate(info.createdAt), info.participants.join(', ')]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {info.description && <p>{info.description}</p>}
          <div className="exhibit-actions">
            <a
              className="pencil-action secondary"
              href={exhibitImageUrl(exhibitId)}
              download={`${info.title}.svg`}
            >
              {t('exhibitPage.downloadSvg')}
            </a>
            <ExportButton
              exports={exports}
              label={t('exhibitPage.downloadPng')}
              busyLabel={t('exhibitPage.making')}
              file={async () => ({
                blob: await boardToPng(controller.board, 4),
                name: `${info.title}.png`,
              })}
            />
            <ExportButton
              exports={exports}
              secondary
              label={t('exhibitPage.downloadPdf')}
              busyLabel={t('exhibitPage.making')}
              file={async () => {
                const page = {
                  board: controller.board,
                  title: info.title,
                  group: info.group,
                  participants: info.participants,
                  date: info.createdAt,
                };
                const { boardsPdf } = await import('./export-pdf');
                return { blob: await boardsPdf([page], info.title), name: `${info.title}.pdf` };
              }}
            />
          </div>
          {librarian.state?.signedIn && (
            <div className="exhibit-actions">
              <button
                type="button"
                className="pencil-action secondary"
                onClick={async () => {
                  const { boardId } = await boardFromExhibit(exhibitId);
                  window.location.assign(`/b/${boardId}`);
                }}
              >
                {t('exhibitPage.newBoard')}
              </button>
              <button
                type="button"
                className="pencil-action secondary danger"
                onClick={async () => {
                  if (!window.confirm(t('exhibitPage.confirmDelete', { title: info.title })))
                    return;
                  await deleteExhibit(exhibitId);
                  window.location.assign('/exhibits');
                }}
              >
                {t('exhibitPage.delete')}
              </button>
            </div>
          )}
          <div className="exhibit-actions replay" data-testid="replay">
            {replay.state ? (
              <>
                <span className="replay-progress">
                  {t('exhibitPage.progress', {
                    step: formatNumber(replay.state.step),
                    total: formatNumber(replay.state.total),
                  })}
                </span>
                {REPLAY_SPEEDS.map((speed) => (
                  <button
                    key={speed}
                    type="button"
                    className="chip"
                    aria-pressed={replay.state?.speed === speed}
                    onClick={() => replay.setSpeed(speed)}
                  >
                    {t('exhibitPage.speed', { speed })}
                  </button>
                ))}
                <button type="button" className="pencil-action secondary" onClick={replay.stop}>
                  {t('exhibitPage.showAll')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="pencil-action secondary"
                onClick={() => replay.start(1)}
              >
                {t('exhibitPage.replay')}
              </button>
            )}
          </div>
        </header>
      )}
      <ZoomControls controller={controller} />
    </main>
  );
}
