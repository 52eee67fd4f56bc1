import { participantNames } from '@roundtable/shared';
import { ExportButton, useExports } from '../gallery/ExportButton';
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
  const exports = useExports((caught) => onError(t('pdf.failed', { reason: caught.message })));
  const title = run.prompt ? `${run.title}: ${run.prompt}` : run.title;
  return (
    <ExportButton
      exports={exports}
      secondary
      label={t('pdf.allGroups')}
      busyLabel={t('pdf.making')}
      file={async () => {
        const { boardsPdf, fetchBoard } = await import('../gallery/export-pdf');
        const date = Date.now();
        const pages = await Promise.all(
          run.groups.map(async (group) => {
            const board = await fetchBoard(group.boardId);
            return { board, title, group: group.name, participants: participantNames(board), date };
          }),
        );
        return { blob: await boardsPdf(pages, title), name: `${run.title}.pdf` };
      }}
    />
  );
}
