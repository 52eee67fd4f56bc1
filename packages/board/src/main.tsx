import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardPage } from './BoardPage';
import { newBoardPath, parseRoute } from './routes';

const route = parseRoute(window.location.pathname);
if (route.page === 'home') {
  window.location.replace(newBoardPath());
} else {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BoardPage boardId={route.boardId} />
    </StrictMode>,
  );
}
