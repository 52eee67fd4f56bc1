import {
  clockRunning,
  formatClock,
  parseRoutine,
  type RoutineAction,
  timeLeftMs,
} from '@roundtable/shared';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n';
import { refusalText } from '../i18n/refusal-text';
import { useLibrarian } from '../sync/librarian-session';
import { useJoinInfo } from '../ui/JoinCard';
import { LibrarianSignIn } from '../ui/LibrarianSignIn';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { GroupsPdfButton } from './GroupsPdfButton';
import { getRun, type RoutineRun, type RunGroup, renameGroup, runAction } from './routines-api';
import { useServerNow } from './server-clock';
import './routines.css';
import { useLiveBoard } from './useLiveBoard';

/** One group's board, live, with its phase, clock, devices and join code. */
function GroupCard({
  run,
  group,
  onRenamed,
}: {
  run: RoutineRun;
  group: RunGroup;
  onRenamed: (run: RoutineRun) => void;
}) {
  const t = useT();
  const live = useLiveBoard(group.boardId);
  const { info: join } = useJoinInfo(group.boardId);
  const routine = parseRoutine(live.board?.control.get('routine'));
  const now = useServerNow(clockRunning(routine));
  const left = timeLeftMs(routine, now);
  const phase = routine.phases[routine.phaseIndex];
  const [name, setName] = useState(group.name);
  useEffect(() => setName(group.name), [group.name]);
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed || trimmed === group.name) return setName(group.name);
    renameGroup(run.id, group.boardId, trimmed).then(onRenamed, () => setName(group.name));
  };
  return (
    <article className="group-card" data-board-id={group.boardId} data-version={live.version}>
      <header>
        <input
          className="group-name"
          aria-label={t('overview.nameOf', { name: group.name })}
          value={name}
          maxLength={40}
          onChange={(event) => setName(event.currentTarget.value)}
          onBlur={save}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
        <span className="group-code" title={t('overview.codeHint')}>
          {group.joinCode}
        </span>
        {join && (
          <img className="group-qr" src={join.qr} alt={t('overview.qrAlt', { name: group.name })} />
        )}
      </header>
      <a className="group-board" href={`/b/${group.boardId}`}>
        {/* Named by its words, so "Connecting…" (what shows) is part of its name. */}
        <span className="visually-hidden">{t('overview.open', { name: group.name })}</span>
        {live.image ? <img src={live.image} alt="" /> : <span>{t('overview.connecting')}</span>}
      </a>
      <footer>
        <span className="group-phase">
          {phase ? phase.name : routine.phases.length ? '' : t('overview.noRoutine')}
          {left !== null && (
            <output className="routine-clock small" data-running={clockRunning(routine)}>
              {formatClock(left)}
            </output>
          )}
        </span>
        <span className="group-devices">{t('overview.devices', { count: live.devices })}</span>
      </footer>
    </article>
  );
}

/**
 * The librarian's overview of a group run: every group's board live, side by side, and
 * start / pause / next for all groups at once.
 */
export function RoutineOverview({ runId }: { runId: string }) {
  const t = useT();
  const librarian = useLibrarian(useCallback(() => {}, []));
  const [run, setRun] = useState<RoutineRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getRun(runId).then(setRun, (caught: Error) => setError(caught.message));
  }, [runId]);
  useDocumentTitle(run ? t('overview.title', { title: run.title }) : t('overview.groups'));
  const step = (action: RoutineAction) => {
    setError(null);
    runAction(runId, action).then(
      (results) => {
        const failed = results.find((r) => r.error)?.error;
        if (failed) setError(refusalText(failed));
      },
      (caught: Error) => setError(caught.message),
    );
  };
  if (!librarian.state) return <main className="gallery" />;
  return (
    <main className="gallery overview">
      <header className="gallery-header">
        <a href="/" className="back-link">
          {t('overview.back')}
        </a>
        <h1>{run ? run.title : t('overview.groups')}</h1>
        {run?.prompt && <p className="overview-prompt">{run.prompt}</p>}
        {librarian.state.signedIn && run && (
          <fieldset className="overview-controls" aria-label={t('overview.every')}>
            <button type="button" className="pencil-action" onClick={() => step('start')}>
              {t('routine.start')}
            </button>
            <button type="button" className="pencil-action secondary" onClick={() => step('pause')}>
              {t('routine.pause')}
            </button>
            <button
              type="button"
              className="pencil-action secondary"
              onClick={() => step('previous')}
            >
              {t('overview.previous')}
            </button>
            <button type="button" className="pencil-action" onClick={() => step('next')}>
              {t('overview.nextPhase')}
            </button>
            <button
              type="button"
              className="pencil-action secondary"
              onClick={() => step('addMinute')}
            >
              {t('routine.addMinute')}
            </button>
            <button
              type="button"
              className="pencil-action secondary danger"
              onClick={() => {
                if (window.confirm(t('overview.confirmEnd'))) step('end');
              }}
            >
              {t('overview.endAll')}
            </button>
            <GroupsPdfButton run={run} onError={setError} />
          </fieldset>
        )}
      </header>
      {error && (
        <p className="join-error" role="alert">
          {error}
        </p>
      )}
      {!librarian.state.signedIn && (
        <section className="exhibit-card">
          <LibrarianSignIn session={librarian} />
        </section>
      )}
      {run && (
        <div className="group-grid">
          {run.groups.map((group) => (
            <GroupCard key={group.boardId} run={run} group={group} onRenamed={setRun} />
          ))}
        </div>
      )}
    </main>
  );
}
