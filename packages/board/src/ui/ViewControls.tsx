import { EDGE_ROTATION, type Rect, type TableEdge } from '@roundtable/shared';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { runAction } from '../actions/action';
import {
  bringToFrontAction,
  deleteAction,
  duplicateAction,
  sendToBackAction,
} from '../actions/selection-actions';
import { fitAction, resetZoomAction, zoomInAction, zoomOutAction } from '../actions/view-actions';
import type { BoardController } from '../controller/controller';
import { type MessageId, t } from '../i18n';
import type { ConnectionStatus } from '../sync/board-connection';
import { ActionButton } from './ActionButton';
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

/** Zoom out / level / in and fit-to-content: on the table the only way to zoom but "move" mode. */
export function ZoomControls({ controller }: { controller: BoardController }) {
  const target = { controller };
  return (
    <fieldset className="zoom" aria-label={t('view.zoom')}>
      <ActionButton action={zoomOutAction} target={target} />
      <ZoomLevel controller={controller} />
      <ActionButton action={zoomInAction} target={target} />
      <ActionButton action={fitAction} target={target} />
    </fieldset>
  );
}

/** The zoom level ("125%"): a tap goes back to 100 %. */
export function ZoomLevel({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['camera']);
  const level = `${Math.round(controller.camera.zoom * 100)}%`;
  return (
    <button
      type="button"
      className="zoom-level"
      aria-label={t('a11y.resetZoom', { level })}
      title={resetZoomAction.label}
      onClick={() => runAction(resetZoomAction, { controller })}
    >
      {level}
    </button>
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
  const target = { controller };
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
      <ActionButton action={duplicateAction} target={target} />
      <ActionButton action={bringToFrontAction} target={target} />
      <ActionButton action={sendToBackAction} target={target} />
      <ActionButton action={deleteAction} target={target} danger />
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
