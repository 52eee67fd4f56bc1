import { useState } from 'react';
import type { BoardController } from '../controller/controller';
import { ImageButtons } from './ImageButtons';
import { Icon } from './icons';
import { useControllerState } from './useControllerState';
import { FitButton, ZoomInButton, ZoomOutButton } from './ViewControls';

/**
 * The table's own controls when seats line its edges: one button in the corner (showing the
 * zoom) that opens move-the-board, zoom, fit and add-a-picture, so the corners stay free.
 */
export function TableMenu({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['camera', 'tool']);
  const [open, setOpen] = useState(false);
  const moving = controller.settings.tool === 'hand';
  return (
    <div className="table-menu">
      {open && (
        <fieldset className="table-menu-items" aria-label="Board controls">
          <button
            type="button"
            className="tool"
            aria-label="Move the board"
            title="Move the board"
            aria-pressed={moving}
            data-tool="hand"
            onClick={() => controller.setTool(moving ? 'pen' : 'hand')}
          >
            <Icon name="hand" />
          </button>
          <ImageButtons controller={controller} />
          <ZoomInButton controller={controller} />
          <ZoomOutButton controller={controller} />
          <FitButton controller={controller} />
        </fieldset>
      )}
      <button
        type="button"
        className={`table-menu-button${moving ? ' moving' : ''}`}
        aria-label="Board controls"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {moving ? <Icon name="hand" /> : `${Math.round(controller.camera.zoom * 100)}%`}
      </button>
    </div>
  );
}
