import type { PlacedBar } from '@roundtable/shared';
import type { ReactNode } from 'react';
import type { BoardController } from '../../controller/controller';
import { t } from '../../i18n';
import { Icon } from '../icons';
import { useControllerState } from '../useControllerState';
import { ZOOM_STEP } from '../ViewControls';

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
  return {
    'zoom-out': (
      <button
        type="button"
        className="tool"
        aria-label={t('view.zoomOut')}
        title={t('view.zoomOut')}
        onClick={() => controller.zoomBy(1 / ZOOM_STEP)}
      >
        <Icon name="minus" />
      </button>
    ),
    zoom: <ZoomLevel controller={controller} />,
    'zoom-in': (
      <button
        type="button"
        className="tool"
        aria-label={t('view.zoomIn')}
        title={t('view.zoomIn')}
        onClick={() => controller.zoomBy(ZOOM_STEP)}
      >
        <Icon name="plus" />
      </button>
    ),
    fit: (
      <button
        type="button"
        className="tool"
        aria-label={t('view.fit')}
        title={t('view.fit')}
        onClick={() => controller.fitToContent()}
      >
        <Icon name="fit" />
      </button>
    ),
  };
}

function ZoomLevel({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['camera']);
  return (
    <button
      type="button"
      className="zoom-level"
      aria-label={t('a11y.resetZoom', { level: `${Math.round(controller.camera.zoom * 100)}%` })}
      title={t('view.resetZoom')}
      onClick={() => controller.setCamera({ ...controller.camera, zoom: 1 })}
    >
      {Math.round(controller.camera.zoom * 100)}%
    </button>
  );
}
