import { type PlacedPanel, type SeatRecord, seatAt } from '@roundtable/shared';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { BoardController } from '../../controller/controller';
import { t } from '../../i18n';
import { PencilToken } from '../PencilToken';
import { type AskPencil, PassButtons, Queue, TurnClock } from '../PencilViews';

/**
 * The pencil token can be dragged across the table and dropped at another seat: the pencil
 * passes to the seat nearest the drop.
 */
function DraggablePencil({
  controller,
  from,
  ask,
}: {
  controller: BoardController;
  from: string;
  ask: AskPencil;
}) {
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  return (
    <>
      <button
        type="button"
        className="pencil-handle"
        aria-label={t('seat.dragPencil')}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setDrag({ x: event.clientX, y: event.clientY });
        }}
        onPointerMove={(event) => {
          if (drag) setDrag({ x: event.clientX, y: event.clientY });
        }}
        onPointerUp={(event) => {
          setDrag(null);
          const to = seatAt(
            controller.seats(),
            { x: event.clientX, y: event.clientY },
            controller.viewport,
          );
          if (to && to.id !== from) ask({ type: 'pass', from, to: to.id });
        }}
        onPointerCancel={() => setDrag(null)}
      >
        <PencilToken />
      </button>
      {drag &&
        createPortal(
          <div className="pencil-ghost" style={{ left: drag.x, top: drag.y }}>
            <PencilToken size={64} />
          </div>,
          document.body,
        )}
    </>
  );
}

/**
 * The talking pencil at its holder's seat: big and yellow, just inside the seat's toolbar
 * where the layout put it, with the turn's clock, who is waiting, and passing it on.
 */
export function HolderBadge({
  controller,
  seat,
  ask,
  placed,
}: {
  controller: BoardController;
  seat: SeatRecord;
  ask: AskPencil;
  placed: PlacedPanel;
}) {
  const pencil = controller.pencil();
  const speaks = controller.speaksForSeats();
  return (
    <div
      className="seat-pencil"
      data-testid={`pencil-at-${seat.id}`}
      style={{
        left: placed.offset - placed.length / 2,
        bottom: placed.lift,
        width: placed.length,
        minHeight: placed.depth,
      }}
    >
      {speaks ? (
        <DraggablePencil controller={controller} from={seat.id} ask={ask} />
      ) : (
        <PencilToken />
      )}
      <span className="holder-name">{t('seat.holder', { name: seat.name })}</span>
      <TurnClock pencil={pencil} />
      <Queue controller={controller} pencil={pencil} />
      {speaks && <PassButtons controller={controller} ask={ask} from={seat.id} />}
    </div>
  );
}
