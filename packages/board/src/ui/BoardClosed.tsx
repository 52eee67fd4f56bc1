import { useEffect, useState } from 'react';
import { Dialog } from '../a11y/Dialog';
import { useT } from '../i18n';
import type { BoardConnection } from '../sync/board-connection';

/**
 * Covers the board once the librarian has closed it (deleted it while this device was on
 * it): says so, and where to go next. Nothing drawn here after that would be kept.
 */
export function BoardClosed({ connection }: { connection: BoardConnection }) {
  const t = useT();
  const [closed, setClosed] = useState(false);
  useEffect(() => connection.onBoardClosed(() => setClosed(true)), [connection]);
  if (!closed) return null;
  return (
    <Dialog
      className="join-backdrop board-closed"
      role="alertdialog"
      label={t('boardClosed.label')}
    >
      <section className="join-sheet">
        <h2>{t('boardClosed.title')}</h2>
        <p>{t('boardClosed.next')}</p>
        <a className="pencil-action" href="/join">
          {t('boardClosed.join')}
        </a>
      </section>
    </Dialog>
  );
}
