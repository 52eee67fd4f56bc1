import {
  clockRunning,
  formatClock,
  type RoutineAction,
  routineActive,
  timeLeftMs,
} from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import { useT } from '../i18n';
import type { AskPencil } from '../ui/PencilViews';
import { useControllerState } from '../ui/useControllerState';
import { GroupSwitcher } from './GroupSwitcher';
import { routineOf } from './routine-state';
import { useServerNow } from './server-clock';
import './routines.css';
import { DotsLeft } from './VoteDots';

/**
 * The phase banner everyone sees: the routine, the phase and what to do, and the time left
 * by the server's clock. The librarian (or the table before a PIN exists) runs it from here.
 */
export function RoutineBanner({
  controller,
  ask,
  allowed,
  boardId,
}: {
  controller: BoardController;
  ask: AskPencil;
  allowed: boolean;
  boardId: string;
}) {
  const t = useT();
  useControllerState(controller, ['routine']);
  const routine = routineOf(controller);
  const now = useServerNow(clockRunning(routine));
  if (!routineActive(routine)) return null;
  const phase = routine.phases[routine.phaseIndex];
  const left = timeLeftMs(routine, now);
  const run = (action: RoutineAction) => ask({ type: 'routine', action });
  const last = routine.phaseIndex === routine.phases.length - 1;
  return (
    <section
      className={`routine-banner${left === 0 ? ' time-up' : ''}`}
      aria-label={t('routine.label')}
      data-phase={phase?.name}
    >
      <div className="routine-heading">
        <span className="routine-title">{routine.title}</span>
        <ol className="routine-steps" aria-label={t('routine.phases')}>
          {routine.phases.map((p, i) => (
            <li key={p.name} aria-current={i === routine.phaseIndex ? 'step' : undefined}>
              {p.name}
            </li>
          ))}
        </ol>
      </div>
      <div className="routine-now">
        <strong className="routine-phase">{phase?.name}</strong>
        <span className="routine-instruction">
          {left === 0 ? t('routine.timeUp') : phase?.instruction}
        </span>
      </div>
      {left !== null && (
        <output
          className="routine-clock"
          aria-label={t('routine.timeLeft')}
          data-running={clockRunning(routine)}
        >
          {formatClock(left)}
        </output>
      )}
      {allowed && (
        <div className="routine-controls">
          {left !== null &&
            (clockRunning(routine) ? (
              <button
                type="button"
                className="pencil-action secondary"
                onClick={() => run('pause')}
              >
                {t('routine.pause')}
              </button>
            ) : (
              <button type="button" className="pencil-action" onClick={() => run('start')}>
                {left === 0 ? t('routine.again') : t('routine.start')}
              </button>
            ))}
          {left !== null && (
            <button
              type="button"
              className="pencil-action secondary"
              onClick={() => run('addMinute')}
            >
              {t('routine.addMinute')}
            </button>
          )}
          {!last && (
            <button type="button" className="pencil-action" onClick={() => run('next')}>
              {t('routine.next', { name: routine.phases[routine.phaseIndex + 1]?.name ?? '' })}
            </button>
          )}
          <button
            type="button"
            className="pencil-action secondary"
            onClick={() => {
              if (window.confirm(t('routine.confirmEnd'))) run('end');
            }}
          >
            {t('routine.end')}
          </button>
        </div>
      )}
      {controller.layout === 'tablet' && <DotsLeft controller={controller} />}
      {controller.layout === 'tablet' && routine.runId && (
        <GroupSwitcher runId={routine.runId} boardId={boardId} />
      )}
    </section>
  );
}
