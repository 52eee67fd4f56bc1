import type { PlacedBar } from '@roundtable/shared';
import type { ReactNode } from 'react';
import { fitAction, zoomInAction, zoomOutAction } from '../../actions/view-actions';
import type { BoardController } from '../../controller/controller';
import { ActionButton } from '../ActionButton';
import { ZoomLevel } from '../ViewControls';

/**
 * A board-wide group of buttons where the table's layout put it, turned to face its edge;
 * each button in the slot the layout measured for it.
 */
export function DockBar({
  placed,
  label,
  controls,
}: {
  placed: PlacedBar;
  label: string;
  controls: Record<string, ReactNode>;
}) {
  return (
    <div
      className="seat-anchor dock-anchor"
      style={{
        left: placed.centre.x,
        top: placed.centre.y,
        transform: `rotate(${placed.rotation}deg)`,
      }}
    >
      <div
        role="toolbar"
        aria-label={label}
        className="dock"
        data-dock={placed.id}
        data-edge={placed.edge}
        style={{
          width: placed.length,
          height: placed.thickness,
          left: -placed.length / 2,
          top: -placed.thickness / 2,
        }}
      >
        {placed.rows.map((row) => (
          <div className="bar-row" key={row.join()}>
            {row.map((id) => (
              <div key={id} className="dock-slot" style={{ width: placed.sizes[id] }}>
                {controls[id]}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

/** Zoom out, the zoom level (a tap resets it), zoom in, fit: for everyone at the table. */
export function viewControls(controller: BoardController): Record<string, ReactNode> {
  const target = { controller };
  return {
    'zoom-out': <ActionButton action={zoomOutAction} target={target} />,
    zoom: <ZoomLevel controller={controller} />,
    'zoom-in': <ActionButton action={zoomInAction} target={target} />,
    fit: <ActionButton action={fitAction} target={target} />,
  };
}
