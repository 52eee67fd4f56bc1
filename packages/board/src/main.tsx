import './styles.css';
import './ui/polish.css';
import './a11y/a11y.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { lockZoomForDrawing } from './a11y/viewport';
import { BoardPage } from './BoardPage';
import { ExhibitPage } from './gallery/ExhibitPage';
import { GalleryPage } from './gallery/GalleryPage';
import { HomePage } from './gallery/HomePage';
import { Slideshow } from './gallery/Slideshow';
import { type MessageId, useT } from './i18n';
import { LocaleRoot } from './i18n/LocaleRoot';
import { parseRoute } from './routes';
import { RoutineOverview } from './routines/RoutineOverview';
import { JoinCodePage } from './ui/JoinCodePage';
import { useDocumentTitle } from './ui/useDocumentTitle';

const route = parseRoute(window.location.pathname);
if (route.page === 'board') lockZoomForDrawing();

// The tab says which page this is; a board, an exhibit and an overview name themselves.
const TITLES: Partial<Record<typeof route.page, MessageId>> = {
  home: 'title.home',
  join: 'title.join',
  gallery: 'title.gallery',
  slideshow: 'title.slideshow',
};

function RouteTitle() {
  const t = useT();
  const id = TITLES[route.page];
  useDocumentTitle(id ? t(id) : null);
  return null;
}

// Lets a tablet reload the board without Wi-Fi (secure contexts only; see public/sw.js).
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleRoot>
      <RouteTitle />
      {route.page === 'home' && <HomePage />}
      {route.page === 'join' && <JoinCodePage />}
      {route.page === 'gallery' && <GalleryPage />}
      {route.page === 'slideshow' && <Slideshow />}
      {route.page === 'exhibit' && <ExhibitPage exhibitId={route.exhibitId} />}
      {route.page === 'board' && <BoardPage boardId={route.boardId} />}
      {route.page === 'overview' && <RoutineOverview runId={route.runId} />}
    </LocaleRoot>
  </StrictMode>,
);
