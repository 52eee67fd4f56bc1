import { useEffect, useState } from 'react';
import type { BoardController } from '../controller/controller';
import { useT } from '../i18n';
import { useDocumentTitle } from './useDocumentTitle';
import './board-header.css';

/** The title stored in the board's meta ('' when there is none). */
const titleOf = (meta: BoardController['board']['meta']): string => {
  const title = meta.get('title');
  return typeof title === 'string' ? title : '';
};

/** The board's title as it is now (a rename shows at once on every device). */
export function useBoardTitle(controller: BoardController): string {
  const meta = controller.board.meta;
  const [title, setTitle] = useState(() => titleOf(meta));
  useEffect(() => {
    const changed = () => setTitle(titleOf(meta));
    changed();
    meta.observe(changed);
    return () => meta.unobserve(changed);
  }, [meta]);
  return title;
}

/**
 * The board's name in its corner and in the browser tab, and for the signed-in librarian a
 * way back to the list of boards. `shown` false (seats line the table's edges) keeps only the
 * tab title.
 */
export function BoardHeader({
  controller,
  boardId,
  librarian,
  shown,
}: {
  controller: BoardController;
  boardId: string;
  librarian: boolean;
  shown: boolean;
}) {
  // A board started by opening a new address has no title yet: its id names it.
  const t = useT();
  const title = useBoardTitle(controller) || t('board.untitled', { id: boardId });
  useDocumentTitle(title);
  if (!shown) return null;
  return (
    <header className="board-title board-header">
      {librarian && (
        <a className="back-to-boards" href="/">
          {t('board.backToBoards')}
        </a>
      )}
      <h1 data-testid="board-name">{title}</h1>
    </header>
  );
}
