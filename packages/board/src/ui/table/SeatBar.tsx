import type { PlacedBar, PlacedPanel, SeatRecord } from '@roundtable/shared';
import { useState } from 'react';
import type { BoardController } from '../../controller/controller';
import { DotsLeft } from '../../routines/VoteDots';
import type { AskPencil } from '../PencilViews';
import { HolderBadge } from './HolderBadge';
import { SeatControl, type SeatControlProps, type SeatPanel } from './SeatControl';
import { ColoursPanel, MorePanel } from './SeatPanels';

/** Between a toolbar (or the pencil's badge) and a panel it opens (CSS px). */
const PANEL_GAP = 8;

/**
 * One seat's toolbar where the table's layout put it, turned to face the student at its edge:
 * the controls the layout had room for, row by row, and "more" for the rest. Its panels
 * (more, colours) open just inside it, within its own stretch of the edge.
 */
export function SeatBar({
  controller,
  seat,
  ask,
  placed,
  holder,
}: {
  controller: BoardController;
  seat: SeatRecord;
  ask: AskPencil;
  placed: PlacedBar;
  holder: PlacedPanel | null;
}) {
  const [panel, setPanel] = useState<SeatPanel>(null);
  const pencil = controller.pencil();
  const holding = pencil.mode === 'pencil' && pencil.holderId === seat.id;
  // A screen that is not an enrolled table shows the seats but cannot act for them.
  const paused = (pencil.mode === 'pencil' && !holding) || !controller.speaksForSeats();
  const props: SeatControlProps = { controller, seat, ask, paused, panel, setPanel };
  const above = holder ? holder.lift + holder.depth : placed.thickness / 2;
  // Panels open over the toolbar's far end (where "more" and the colours are), spreading
  // back along it, never past the seat's own stretch of the edge.
  const reach = { left: -placed.length / 2, width: placed.reach.to + placed.length / 2 };
  return (
    <div
      className="seat-anchor"
      data-edge={seat.edge}
      style={{
        left: placed.centre.x,
        top: placed.centre.y,
        transform: `rotate(${placed.rotation}deg)`,
      }}
    >
      {holder && <HolderBadge controller={controller} seat={seat} ask={ask} placed={holder} />}
      <div
        role="toolbar"
        aria-label={seat.name}
        className={`seat-toolbar${holding ? ' holding' : ''}${paused ? ' paused' : ''}`}
        data-seat={seat.id}
        data-edge={seat.edge}
        data-compact={placed.hidden.length > 0}
        style={{
          width: placed.length,
          height: placed.thickness,
          left: -placed.length / 2,
          top: -placed.thickness / 2,
          borderColor: seat.color,
        }}
      >
        {placed.rows.map((row) => (
          <div className="bar-row" key={row.join()}>
            {row.map((id) => (
              <SeatControl key={id} id={id} size={placed.sizes[id]!} {...props} />
            ))}
          </div>
        ))}
        <DotsLeft controller={controller} voterId={seat.id} />
      </div>
      {panel && (
        <div className="seat-panel-place" style={{ ...reach, bottom: above + PANEL_GAP }}>
          {panel === 'more' ? (
            <MorePanel hidden={placed.hidden} {...props} />
          ) : (
            <ColoursPanel {...props} />
          )}
        </div>
      )}
    </div>
  );
}
