import { participantNames } from '@roundtable/shared';
import { useState } from 'react';
import { download } from '../gallery/export-png';
import { useT } from '../i18n';
import type { RoutineRun } from './routines-api';

/** Every group's board as it is now, one page each, in one PDF for a display or a blog. */
export function GroupsPdfButton({
  run,
  onError,
}: {
  run: RoutineRun;
  onError: (message: string) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const title = run.prompt ? `${run.title}: ${run.prompt}` : run.title;
  return (
    <button
      type="button"
      className="pencil-action secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const { boardsPdf, fetchBoard } = await import('../gallery/export-pdf');
          const date = Date.now();
          const pages = await Promise.all(
            run.groups.map(async (group) => {
              const board = await fetchBoard(group.boardId);
              return {
                board,
                title,
                group: group.name,
                participants: participantNames(board),
                date,
              };
            }),
          );
          download(await boardsPdf(pages, title), `${run.title}.pdf`);
        } catch (caught) {
          onError(t('pdf.failed', { reason: (caught as Error).message }));
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? t('pdf.making') : t('pdf.allGroups')}
    </button>
  );
}
