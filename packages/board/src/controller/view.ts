import {
  type Board,
  type Camera,
  type ElementChanges,
  fitCamera,
  IDENTITY_CAMERA,
  type Point,
  type Rect,
  screenToBoard,
  unionRects,
  zoomAt,
} from '@roundtable/shared';
import { ControllerBase } from './base';
import { cachedBounds } from './geometry-cache';
import type { LiveInk } from './gestures/draw';
import type { ShapePreview } from './gestures/shape';
import type { ControllerOptions, ViewInsets } from './types';

/** The part of a screen of `size` that `insets` leave clear. */
export function clearOfInsets(size: { width: number; height: number }, insets: ViewInsets): Rect {
  const { left = 0, top = 0, right = 0, bottom = 0 } = insets;
  return { x: left, y: top, w: size.width - left - right, h: size.height - top - bottom };
}

/** The controller's view: the camera, the screen, and what gestures show before they commit. */
export class ViewController extends ControllerBase {
  camera: Camera = IDENTITY_CAMERA;
  viewport: { width: number; height: number };
  /** Screen edges covered by toolbars and panels: "Fit to content" keeps clear of them. */
  viewInsets: ViewInsets = {};
  /** Live strokes by pointer id: many fingers draw at once. */
  readonly liveInk = new Map<number, LiveInk>();
  readonly previews = new Map<number, ShapePreview>();
  marquee: Rect | null = null;
  /** How far the selection is being dragged (board units), before the move is committed. */
  dragOffset: Point | null = null;
  /** A resize or rotate in progress, drawn live before it is committed. */
  transformPreview: { id: string; changes: ElementChanges } | null = null;

  constructor(board: Board, options: ControllerOptions) {
    super(board, options);
    this.viewport = options.viewport;
  }

  toBoard(p: Point): Point {
    return screenToBoard(this.camera, p);
  }

  setCamera(camera: Camera): void {
    this.camera = camera;
    this.emit('camera');
  }

  setViewport(viewport: { width: number; height: number }): void {
    this.viewport = viewport;
    this.emit('camera');
  }

  /** Zooms about a screen point: by default the middle of the board between the toolbars. */
  zoomBy(factor: number, at: Point = this.middleOfView()): void {
    this.setCamera(zoomAt(this.camera, at, factor));
  }

  /** The middle of the screen clear of this screen's toolbars (`viewInsets`). */
  middleOfView(): Point {
    const clear = clearOfInsets(this.viewport, this.viewInsets);
    return { x: clear.x + clear.w / 2, y: clear.y + clear.h / 2 };
  }

  /** Reports 'insets' when they change: panels over the board keep clear of the toolbars. */
  setViewInsets(insets: ViewInsets): void {
    const sides = ['left', 'top', 'right', 'bottom'] as const;
    if (sides.every((side) => (insets[side] ?? 0) === (this.viewInsets[side] ?? 0))) return;
    this.viewInsets = insets;
    this.emit('insets');
  }

  /**
   * Shows everything on the board; `insets` keep screen edges covered by panels clear
   * (by default this screen's own toolbars, `viewInsets`).
   */
  fitToContent(insets: ViewInsets = this.viewInsets): void {
    const { left = 0, top = 0, right = 0, bottom = 0 } = insets;
    const bounds = unionRects([...this.board.elements.values()].map(cachedBounds));
    const area = {
      width: Math.max(1, this.viewport.width - left - right),
      height: Math.max(1, this.viewport.height - top - bottom),
    };
    const camera = fitCamera(bounds, area);
    this.setCamera({
      ...camera,
      x: camera.x - left / camera.zoom,
      y: camera.y - top / camera.zoom,
    });
  }

  setLiveInk(pointerId: number, ink: LiveInk | null): void {
    if (ink) this.liveInk.set(pointerId, ink);
    else this.liveInk.delete(pointerId);
    this.emit('live');
  }

  setPreview(pointerId: number, preview: ShapePreview | null): void {
    if (preview) this.previews.set(pointerId, { ...preview });
    else this.previews.delete(pointerId);
    this.emit('live');
  }

  setMarquee(marquee: Rect | null): void {
    this.marquee = marquee;
    this.emit('live');
  }

  setDragOffset(offset: Point | null): void {
    this.dragOffset = offset;
    this.emit('live');
  }

  setTransformPreview(preview: { id: string; changes: ElementChanges } | null): void {
    this.transformPreview = preview;
    this.emit('live');
  }

  liveChanged(): void {
    this.emit('live');
  }
}
