import { type ClassRequest, type PencilState, turnEndsAt } from '@roundtable/shared';
import { useState } from 'react';
import type { BoardController } from '../controller/controller';
import { formatList, useT } from '../i18n';
import { useServerNow } from '../routines/server-clock';
import { Icon } from './icons';
import { PencilToken } from './PencilToken';
import { useControllerState } from './useControllerState';

export type AskPencil = (request: ClassRequest) => void;

/** Seconds left in the turn by the server's clock, ticking; null without a timer. */
export function useTurnSecondsLeft(pencil: PencilState): number | null {
  const ends = turnEndsAt(pencil);
  const now = useServerNow(ends !== null);
  return ends === null ? null : Math.max(0, Math.ceil((ends - now) / 1000));
}

export const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** "Next: Owl, Leo" — raised hands in order. */
export function Queue({
  controller,
  pencil,
}: {
  controller: BoardController;
  pencil: PencilState;
}) {
  const t = useT();
  if (pencil.queue.length === 0) return null;
  return (
    <span className="pencil-queue" data-testid="pencil-queue">
      <Icon name="hand" size={20} />{' '}
      {t('pencil.next', { names: formatList(pencil.queue.map((id) => controller.nameOf(id))) })}
    </span>
  );
}

export function TurnClock({ pencil }: { pencil: PencilState }) {
  const t = useT();
  const left = useTurnSecondsLeft(pencil);
  if (left === null) return null;
  return (
    <span className={`turn-clock${left === 0 ? ' done' : ''}`} data-testid="turn-clock">
      {left === 0 ? t('pencil.timeUp') : clock(left)}
    </span>
  );
}

/**
 * A tablet in pencil mode: a banner nobody can miss. The holder passes it on (to the next
 * in turn or to someone chosen); everyone else listens and may raise a hand.
 */
export function TabletPencilBanner({
  controller,
  ask,
}: {
  controller: BoardController;
  ask: AskPencil;
}) {
  const t = useT();
  useControllerState(controller, ['pencil', 'participants', 'seats']);
  const pencil = controller.pencil();
  const me = controller.participant();
  if (controller.layout !== 'tablet' || pencil.mode !== 'pencil' || !me) return null;
  const mine = pencil.holderId === me.id;
  const raised = pencil.queue.includes(me.id);
  return (
    <section
      className={`pencil-banner${mine ? ' holding' : ''}`}
      aria-label={t('pencil.title')}
      data-holder={pencil.holderId ?? ''}
    >
      <PencilToken />
      <strong>
        {mine
          ? t('pencil.youHaveIt')
          : t('pencil.someoneHasIt', { name: controller.nameOf(pencil.holderId) })}
      </strong>
      {!mine && <span className="pencil-hint">{t('pencil.listen')}</span>}
      <TurnClock pencil={pencil} />
      <Queue controller={controller} pencil={pencil} />
      {mine ? (
        <PassButtons controller={controller} ask={ask} from={me.id} />
      ) : (
        <button
          type="button"
          className="pencil-action"
          onClick={() => ask({ type: raised ? 'lowerHand' : 'raiseHand', who: me.id })}
        >
          <Icon name="hand" size={22} /> {raised ? t('pencil.lowerHand') : t('pencil.raiseHand')}
        </button>
      )}
    </section>
  );
}

/** Pass on to the next in turn, or pick someone. */
export function PassButtons({
  controller,
  ask,
  from,
}: {
  controller: BoardController;
  ask: AskPencil;
  from: string;
}) {
  const t = useT();
  const [picking, setPicking] = useState(false);
  const everyone = [
    ...controller.seats().map((s) => ({ id: s.id, name: s.name })),
    ...[...controller.board.participants.values()].map((p) => ({ id: p.id, name: p.name })),
  ].filter((p) => p.id !== from);
  return (
    <span className="pass-buttons">
      <button type="button" className="pencil-action" onClick={() => ask({ type: 'pass', from })}>
        {t('pencil.passOn')}
      </button>
      <button
        type="button"
        className="pencil-action secondary"
        onClick={() => setPicking(!picking)}
      >
        {t('pencil.passTo')}
      </button>
      {picking && (
        <span className="pass-picker">
          {everyone.map((p) => (
            <button
              key={p.id}
              type="button"
              className="chip"
              onClick={() => {
                setPicking(false);
                ask({ type: 'pass', from, to: p.id });
              }}
            >
              {p.name}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
