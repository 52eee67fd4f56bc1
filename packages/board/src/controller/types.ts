export type Layout = 'table' | 'tablet';

/** How much of each screen edge toolbars and panels cover (CSS px). */
export interface ViewInsets {
  left?: number;
  top?: number;
  right?: number;
  bottom?: number;
}

/** What changed, so views redraw only what they must (live ink never redraws the scene). */
export type Change =
  | 'live'
  | 'camera'
  | 'selection'
  | 'tool'
  | 'history'
  | 'editing'
  | 'notice'
  | 'seats'
  | 'participants'
  | 'pencil'
  | 'routine'
  | 'votes'
  | 'insets';

/** A message for whoever is at this device: work in progress, or what went wrong. */
export interface Notice {
  kind: 'busy' | 'error' | 'info';
  text: string;
}

/** An uploaded picture, ready to go on the board. */
export interface ImageAsset {
  assetId: string;
  /** Its size in pixels. */
  width: number;
  height: number;
  alt: string;
}

export interface ControllerOptions {
  actorId: string;
  /** SHA-256 of this device's key: its participant record carries it (see `deviceKeyHash`). */
  deviceKeyHash?: string;
  layout: Layout;
  viewport: { width: number; height: number };
}
