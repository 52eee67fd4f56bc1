import { t } from '../i18n';
import type { Action, KeyPress } from './action';

/** One press of zoom in or out. */
export const ZOOM_STEP = 1.25;

/**
 * Keys without Ctrl, Cmd or Alt: Ctrl with + − 0 stays the browser's own zoom, which a
 * reader with low vision relies on.
 */
const plain =
  (...keys: string[]) =>
  ({ key, mod, alt }: KeyPress) =>
    !mod && !alt && keys.includes(key);

export const zoomInAction: Action = {
  name: 'zoomIn',
  get label() {
    return t('view.zoomIn');
  },
  icon: 'plus',
  keyTest: plain('+', '='),
  perform: ({ controller }) => controller.zoomBy(ZOOM_STEP),
};

export const zoomOutAction: Action = {
  name: 'zoomOut',
  get label() {
    return t('view.zoomOut');
  },
  icon: 'minus',
  keyTest: plain('-', '_'),
  perform: ({ controller }) => controller.zoomBy(1 / ZOOM_STEP),
};

/** Back to 100 % (its button shows the zoom level). */
export const resetZoomAction: Action = {
  name: 'resetZoom',
  get label() {
    return t('view.resetZoom');
  },
  keyTest: (press) => !press.shift && plain('0')(press),
  perform: ({ controller }) => controller.setCamera({ ...controller.camera, zoom: 1 }),
};

/** Everything on the board in view, clear of this screen's toolbars. */
export const fitAction: Action = {
  name: 'fit',
  get label() {
    return t('view.fit');
  },
  icon: 'fit',
  // Shift+1 (as in Excalidraw and tldraw): "!" on most layouts, "1" on AZERTY.
  keyTest: (press) => press.shift && plain('!', '1')(press),
  perform: ({ controller }) => controller.fitToContent(),
};

export const VIEW_ACTIONS: readonly Action[] = [
  zoomInAction,
  zoomOutAction,
  resetZoomAction,
  fitAction,
];
