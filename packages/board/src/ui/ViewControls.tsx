import type { BoardController } from '../controller/controller';
import type { ConnectionStatus } from '../sync/board-connection';
import { Icon } from './icons';
import { useControllerState } from './useControllerState';

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline — your drawing will sync',
};

export function StatusBadge({ status }: { status: ConnectionStatus }) {
  return (
    <output className={`status status-${status}`} aria-live="polite" data-status={status}>
      <span className="status-dot" />
      {STATUS_TEXT[status]}
    </output>
  );
}

/** Zoom out / level / in and fit-to-content: on the table the only way to zoom but "move" mode. */
export function ZoomControls({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['camera']);
  return (
    <fieldset className="zoom" aria-label="Zoom">
      <button
        type="button"
        className="tool"
        aria-label="Zoom out"
        onClick={() => controller.zoomBy(1 / 1.25)}
      >
        <Icon name="minus" />
      </button>
      <button
        type="button"
        className="zoom-level"
        aria-label="Reset zoom"
        onClick={() => controller.setCamera({ ...controller.camera, zoom: 1 })}
      >
        {Math.round(controller.camera.zoom * 100)}%
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Zoom in"
        onClick={() => controller.zoomBy(1.25)}
      >
        <Icon name="plus" />
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Fit to content"
        onClick={() => controller.fitToContent()}
      >
        <Icon name="fit" />
      </button>
    </fieldset>
  );
}

export function SelectionBar({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['selection']);
  if (controller.selection.size === 0) return null;
  return (
    <fieldset className="selection-bar" aria-label="Selection">
      <span className="selection-count">{controller.selection.size} selected</span>
      <button
        type="button"
        className="tool"
        aria-label="Duplicate"
        onClick={() => controller.duplicateSelection()}
      >
        <Icon name="copy" />
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Bring to front"
        onClick={() => controller.bringSelectionToFront()}
      >
        <Icon name="front" />
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Send to back"
        onClick={() => controller.sendSelectionToBack()}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="tool danger"
        aria-label="Delete"
        onClick={() => controller.deleteSelection()}
      >
        <Icon name="trash" />
      </button>
    </fieldset>
  );
}

/** Everyone sees when the librarian has made the board read-only. */
export function LockBadge({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['pencil']);
  if (!controller.locked()) return null;
  return (
    <output className="lock-badge" data-testid="locked">
      <Icon name="lock" size={22} /> Locked by the librarian
    </output>
  );
}
