import './styles.css';
import './ui/polish.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardPage } from './BoardPage';
import { ExhibitPage } from './gallery/ExhibitPage';
import { GalleryPage } from './gallery/GalleryPage';
import { HomePage } from './gallery/HomePage';
import { Slideshow } from './gallery/Slideshow';
import { parseRoute } from './routes';
import { RoutineOverview } from './routines/RoutineOverview';
import { JoinCodePage } from './ui/JoinCodePage';

const route = parseRoute(window.location.pathname);

// The tab says which page this is; a board, an exhibit and an overview name themselves.
const TITLES: Partial<Record<typeof route.page, string>> = {
  home: 'Boards · Roundtable',
  join: 'Join a board · Roundtable',
  gallery: 'Exhibits · Roundtable',
  slideshow: 'Slideshow · Roundtable',
};
document.title = TITLES[route.page] ?? 'Roundtable';

// Lets a tablet reload the board without Wi-Fi (secure contexts only; see public/sw.js).
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {route.page === 'home' && <HomePage />}
    {route.page === 'join' && <JoinCodePage />}
    {route.page === 'gallery' && <GalleryPage />}
    {route.page === 'slideshow' && <Slideshow />}
    {route.page === 'exhibit' && <ExhibitPage exhibitId={route.exhibitId} />}
    {route.page === 'board' && <BoardPage boardId={route.boardId} />}
    {route.page === 'overview' && <RoutineOverview runId={route.runId} />}
  </StrictMode>,
);
