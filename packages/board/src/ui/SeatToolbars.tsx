import { EDGE_ROTATION, type SeatRecord, seatAnchor, seatAt } from '@roundtable/shared';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { BoardController } from '../controller/controller';
import { INK_COLORS, type ToolId } from '../controller/tools';
import { DotsLeft } from '../routines/VoteDots';
import { Icon } from './icons';
import { PencilToken } from './PencilToken';
import { type AskPencil, PassButtons, Queue, TurnClock } from './PencilViews';
import { useControllerState } from './useControllerState';

const SEAT_TOOLS: { id: ToolId; label: string }[] = [
  { id: 'pen', label: 'Pen' },
  { id: 'highlighter', label: 'Highlighter' },
  { id: 'eraser', label: 'Eraser' },
  { id: 'note', label: 'Sticky note' },
  { id: 'text', label: 'Text' },
  { id: 'select', label: 'Select' },
];

/** A seat's own colour first, then a few shared inks. */
const seatColors = (seat: SeatRecord) => [
  seat.color,
  ...[INK_COLORS[0]!, INK_COLORS[4]!, INK_COLORS[1]!].filter((c) => c !== seat.color).slice(0, 2),
];

/**
 * One compact toolbar per seat, on the seat's edge and turned to face the student standing
 * there: upright at the near edge, upside down at the far one, sideways at the ends.
 */
export function SeatToolbars({ controller, ask }: { controller: BoardController; ask: AskPencil }) {
  useControllerState(controller, [
    'seats',
    'tool',
    'history',
    'camera',
    'pencil',
    'votes',
    'routine',
  ]);
  return (
    <>
      {controller.seats().map((seat) => (
        <SeatToolbar key={seat.id} controller={controller} seat={seat} ask={ask} />
      ))}
    </>
  );
}

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
        aria-label="Drag the pencil to a seat"
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

function SeatToolbar({
  controller,
  seat,
  ask,
}: {
  controller: BoardController;
  seat: SeatRecord;
  ask: AskPencil;
}) {
  const anchor = seatAnchor(seat, controller.viewport);
  const actor = controller.actor(seat.id);
  const { tool, color } = actor.settings;
  const pencil = controller.pencil();
  const inPencilMode = pencil.mode === 'pencil';
  const holding = inPencilMode && pencil.holderId === seat.id;
  const paused = inPencilMode && !holding;
  const raised = pencil.queue.includes(seat.id);
  return (
    <div
      className="seat-anchor"
      style={{ left: anchor.x, top: anchor.y, transform: `rotate(${EDGE_ROTATION[seat.edge]}deg)` }}
    >
      {holding && (
        <div className="seat-pencil" data-testid={`pencil-at-${seat.id}`}>
          <DraggablePencil controller={controller} from={seat.id} ask={ask} />
          {seat.name} has the talking pencil
          <TurnClock pencil={pencil} />
          <Queue controller={controller} pencil={pencil} />
          <PassButtons controller={controller} ask={ask} from={seat.id} />
        </div>
      )}
      <fieldset
        className={`seat-toolbar${holding ? ' holding' : ''}${paused ? ' paused' : ''}`}
        aria-label={`${seat.name}'s tools`}
        data-seat={seat.id}
        data-edge={seat.edge}
        style={{ borderColor: seat.color }}
      >
        <span className="seat-name" style={{ background: seat.color }}>
          {seat.name}
        </span>
        <DotsLeft controller={controller} voterId={seat.id} />
        {paused && (
          <button
            type="button"
            className={`tool raise-hand${raised ? ' raised' : ''}`}
            aria-label={raised ? `Lower ${seat.name}'s hand` : `Raise ${seat.name}'s hand`}
            aria-pressed={raised}
            onClick={() => ask({ type: raised ? 'lowerHand' : 'raiseHand', who: seat.id })}
          >
            <Icon name="hand" />
          </button>
        )}
        {SEAT_TOOLS.map((t) => (
          <button
            key={t.id}
            type="button"
            className="tool"
            aria-label={`${t.label} for ${seat.name}`}
            title={t.label}
            aria-pressed={tool === t.id}
            data-tool={t.id}
            disabled={paused}
            onClick={() => controller.setTool(t.id, seat.id)}
          >
            <Icon name={t.id} />
          </button>
        ))}
        <span className="seat-divider" />
        {seatColors(seat).map((c) => (
          <button
            key={c}
            type="button"
            className="swatch"
            aria-label={`Colour ${c} for ${seat.name}`}
            aria-pressed={color === c}
            style={{ background: c }}
            onClick={() => controller.setColor(c, seat.id)}
          />
        ))}
        <span className="seat-divider" />
        <button
          type="button"
          className="tool"
          aria-label={`Undo for ${seat.name}`}
          title="Undo"
          disabled={!actor.canUndo}
          onClick={() => controller.undo(seat.id)}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="tool"
          aria-label={`Redo for ${seat.name}`}
          title="Redo"
          disabled={!actor.canRedo}
          onClick={() => controller.redo(seat.id)}
        >
          <Icon name="redo" />
        </button>
      </fieldset>
    </div>
  );
}
