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
    const { left = 0, top = 0, right = 0, bottom = 0 } = this.viewInsets;
    return {
      x: (left + this.viewport.width - right) / 2,
      y: (top + this.viewport.height - bottom) / 2,
    };
  }

  setViewInsets(insets: ViewInsets): void {
    this.viewInsets = insets;
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
