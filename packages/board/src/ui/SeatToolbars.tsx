import { EDGE_ROTATION, type SeatRecord, seatAnchor } from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import { INK_COLORS, type ToolId } from '../controller/tools';
import { Icon } from './icons';
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
  ...[INK_COLORS[0]!, INK_COLORS[4]!, INK_COLORS[3]!].filter((c) => c !== seat.color),
];

/**
 * One compact toolbar per seat, on the seat's edge and turned to face the student standing
 * there: upright at the near edge, upside down at the far one, sideways at the ends.
 */
export function SeatToolbars({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['seats', 'tool', 'history', 'camera']);
  return (
    <>
      {controller.seats().map((seat) => (
        <SeatToolbar key={seat.id} controller={controller} seat={seat} />
      ))}
    </>
  );
}

function SeatToolbar({ controller, seat }: { controller: BoardController; seat: SeatRecord }) {
  const anchor = seatAnchor(seat, controller.viewport);
  const actor = controller.actor(seat.id);
  const { tool, color } = actor.settings;
  return (
    <div
      className="seat-anchor"
      style={{ left: anchor.x, top: anchor.y, transform: `rotate(${EDGE_ROTATION[seat.edge]}deg)` }}
    >
      <fieldset
        className="seat-toolbar"
        aria-label={`${seat.name}'s tools`}
        data-seat={seat.id}
        data-edge={seat.edge}
        style={{ borderColor: seat.color }}
      >
        <span className="seat-name" style={{ background: seat.color }}>
          {seat.name}
        </span>
        {SEAT_TOOLS.map((t) => (
          <button
            key={t.id}
            type="button"
            className="tool"
            aria-label={`${t.label} for ${seat.name}`}
            title={t.label}
            aria-pressed={tool === t.id}
            data-tool={t.id}
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
