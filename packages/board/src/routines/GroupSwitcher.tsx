import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { MOVED_PARAM } from '../ui/JoinSheet';
import { getRun, type RoutineRun } from './routines-api';

/**
 * A tablet in a group run can move to another group's board (the librarian says "Mia, join
 * Group B"): the same device and name, a different board.
 */
export function GroupSwitcher({ runId, boardId }: { runId: string; boardId: string }) {
  const t = useT();
  const [run, setRun] = useState<RoutineRun | null>(null);
  useEffect(() => {
    getRun(runId).then(setRun, () => setRun(null));
  }, [runId]);
  if (!run || run.groups.length < 2) return null;
  return (
    <label className="group-switcher">
      {t('groups.switcher')}
      <select
        aria-label={t('groups.moveTo')}
        value={boardId}
        onChange={(event) => {
          const to = event.currentTarget.value;
          if (to === boardId) return;
          const search = new URLSearchParams(window.location.search);
          search.set(MOVED_PARAM, '1');
          window.location.assign(`/b/${to}?${search}`);
        }}
      >
        {run.groups.map((group) => (
          <option key={group.boardId} value={group.boardId}>
            {group.name}
          </option>
        ))}
      </select>
    </label>
  );
}
