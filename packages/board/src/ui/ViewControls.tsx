import { EDGE_ROTATION, type Rect, type TableEdge } from '@roundtable/shared';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { BoardController } from '../controller/controller';
import { type MessageId, t } from '../i18n';
import type { ConnectionStatus } from '../sync/board-connection';
import { Icon } from './icons';
import { placeSelectionBar, selectionScreenBox } from './selection-place';
import { useControllerState } from './useControllerState';

const STATUS_TEXT: Record<ConnectionStatus, MessageId> = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  offline: 'status.offline',
};

export function StatusBadge({ status }: { status: ConnectionStatus }) {
  return (
    <output className={`status status-${status}`} aria-live="polite" data-status={status}>
      <span className="status-dot" />
      {t(STATUS_TEXT[status])}
    </output>
  );
}

/** One press of zoom in or out. */
export const ZOOM_STEP = 1.25;

/** A toolbar button with an icon and a spoken label. */
function ToolButton({
  label,
  icon,
  onClick,
}: {
  label: string;
  icon: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className="tool" aria-label={label} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}

export const ZoomInButton = ({ controller }: { controller: BoardController }) => (
  <ToolButton label={t('view.zoomIn')} icon="plus" onClick={() => controller.zoomBy(ZOOM_STEP)} />
);
export const ZoomOutButton = ({ controller }: { controller: BoardController }) => (
  <ToolButton
    label={t('view.zoomOut')}
    icon="minus"
    onClick={() => controller.zoomBy(1 / ZOOM_STEP)}
  />
);
export const FitButton = ({ controller }: { controller: BoardController }) => (
  <ToolButton label={t('view.fit')} icon="fit" onClick={() => controller.fitToContent()} />
);

/** Zoom out / level / in and fit-to-content: on the table the only way to zoom but "move" mode. */
export function ZoomControls({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['camera']);
  return (
    <fieldset className="zoom" aria-label={t('view.zoom')}>
      <ZoomOutButton controller={controller} />
      <button
        type="button"
        className="zoom-level"
        aria-label={t('a11y.resetZoom', { level: `${Math.round(controller.camera.zoom * 100)}%` })}
        onClick={() => controller.setCamera({ ...controller.camera, zoom: 1 })}
      >
        {Math.round(controller.camera.zoom * 100)}%
      </button>
      <ZoomInButton controller={controller} />
      <FitButton controller={controller} />
    </fieldset>
  );
}

/**
 * Duplicate, front, back and delete for what is selected: beside the selection and clear of
 * its handles, inside `area` (the board clear of toolbars), turned to face `facing`.
 */
export function SelectionBar({
  controller,
  area,
  facing = 'bottom',
}: {
  controller: BoardController;
  area: Rect;
  facing?: TableEdge;
}) {
  useControllerState(controller, ['selection', 'camera']);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    // The bar follows its selection as it is moved, resized or turned (by anyone).
    const changed = (event: { keysChanged: Set<string> }) => {
      for (const key of event.keysChanged) if (controller.selection.has(key)) return bump();
    };
    controller.board.elements.observe(changed);
    return () => controller.board.elements.unobserve(changed);
  }, [controller]);
  const bar = useRef<HTMLFieldSetElement>(null);
  const [size, setSize] = useState({ w: 380, h: 64 });
  useLayoutEffect(() => {
    const node = bar.current;
    if (node && (node.offsetWidth !== size.w || node.offsetHeight !== size.h)) {
      setSize({ w: node.offsetWidth, h: node.offsetHeight });
    }
  });
  const elements = [...controller.selection]
    .map((id) => controller.board.elements.get(id))
    .filter((e) => e !== undefined);
  const box = selectionScreenBox(elements, controller.camera);
  if (controller.selection.size === 0 || !box) return null;
  const sideways = facing === 'left' || facing === 'right';
  const footprint = sideways ? { w: size.h, h: size.w } : size;
  const at = placeSelectionBar(box, footprint, area);
  return (
    <fieldset
      ref={bar}
      className="selection-bar"
      aria-label={t('selection.label')}
      style={{
        left: at.x + footprint.w / 2,
        top: at.y + footprint.h / 2,
        transform: `translate(-50%, -50%) rotate(${EDGE_ROTATION[facing]}deg)`,
      }}
    >
      <span className="selection-count">
        {t('selection.count', { count: controller.selection.size })}
      </span>
      <button
        type="button"
        className="tool"
        aria-label={t('selection.duplicate')}
        onClick={() => controller.duplicateSelection()}
      >
        <Icon name="copy" />
      </button>
      <button
        type="button"
        className="tool"
        aria-label={t('selection.front')}
        onClick={() => controller.bringSelectionToFront()}
      >
        <Icon name="front" />
      </button>
      <button
        type="button"
        className="tool"
        aria-label={t('selection.back')}
        onClick={() => controller.sendSelectionToBack()}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="tool danger"
        aria-label={t('selection.delete')}
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
      <Icon name="lock" size={22} /> {t('lock.badge')}
    </output>
  );
}
