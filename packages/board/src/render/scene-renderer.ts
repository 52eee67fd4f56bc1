import {
  type Board,
  type Camera,
  cameraChange,
  compareByZ,
  type ElementRecord,
  rectsIntersect,
  visibleRect,
} from '@roundtable/shared';
import type * as Y from 'yjs';
import { cachedBounds } from '../controller/geometry-cache';
import { drawElement } from './draw-element';
import { onImageLoaded } from './image-cache';

/**
 * A board whose full draw takes longer than this (script time) is not drawn again on every
 * frame the camera moves: its last picture is scaled and moved with CSS instead (the
 * compositor's work), and drawn afresh once the camera rests. Lighter boards redraw at once.
 */
const FULL_DRAW_BUDGET_MS = 8;
/** How long the camera must rest before a heavy board is drawn afresh for it. */
const CAMERA_SETTLE_MS = 150;

/** Full redraws and incremental draws so far, and how long the last full one took (ms). */
export interface SceneStats {
  full: number;
  incremental: number;
  lastFullMs: number;
}

/**
 * Draws the board's finished elements into one canvas (a Konva layer's), and only when they
 * change: a new element on top is drawn onto what is already there; anything else (an
 * edit, a delete, a pan or zoom) redraws the visible part once per animation frame. Pointer
 * events never touch this canvas.
 */
export class SceneRenderer {
  private camera: Camera = { x: 0, y: 0, zoom: 1 };
  /** The camera the canvas's picture was drawn with (it may be shown moved for another). */
  private drawnCamera: Camera | null = null;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private excluded: ReadonlySet<string> = new Set();
  private topDrawn: ElementRecord | null = null;
  private fullPending = true;
  private readonly pendingAdds: ElementRecord[] = [];
  private frame = 0;
  private readonly stopImages: () => void;
  readonly stats: SceneStats = { full: 0, incremental: 0, lastFullMs: 0 };

  constructor(
    private readonly board: Board,
    private readonly canvas: () => HTMLCanvasElement | null,
    private readonly pixelRatio: number,
    private readonly viewport: () => { width: number; height: number },
    /** Told after every draw, full or incremental (the benchmark times first paint with it). */
    private readonly onDraw: (stats: SceneStats) => void = () => {},
  ) {
    board.elements.observe(this.onElements);
    this.stopImages = onImageLoaded(() => this.invalidate());
    this.schedule();
  }

  setCamera(camera: Camera): void {
    this.camera = camera;
    if (!this.drawnCamera || this.stats.lastFullMs <= FULL_DRAW_BUDGET_MS) {
      this.invalidate();
      return;
    }
    this.showMoved();
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.invalidate(), CAMERA_SETTLE_MS);
  }

  /** Shows the last picture where the current camera would draw it, without drawing. */
  private showMoved(): void {
    const canvas = this.canvas();
    if (!canvas || !this.drawnCamera) return;
    const { scale, x, y } = cameraChange(this.drawnCamera, this.camera);
    canvas.style.transformOrigin = '0 0';
    canvas.style.transform = `matrix(${scale}, 0, 0, ${scale}, ${x}, ${y})`;
  }

  /** Elements drawn elsewhere for now (a selection being dragged). */
  setExcluded(ids: ReadonlySet<string>): void {
    this.excluded = ids;
    this.invalidate();
  }

  /** Redraw everything at the next frame (after a resize, say). */
  invalidate(): void {
    this.fullPending = true;
    this.schedule();
  }

  private readonly onElements = (event: Y.YMapEvent<ElementRecord>) => {
    if (this.fullPending) return;
    for (const [key, change] of event.changes.keys) {
      const element = this.board.elements.get(key);
      const onTop = element && (!this.topDrawn || compareByZ(this.topDrawn, element) < 0);
      if (change.action !== 'add' || !element || !onTop || this.excluded.has(key)) {
        this.invalidate();
        return;
      }
      this.pendingAdds.push(element);
    }
    this.schedule();
  };

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws what is pending now (the benchmark calls it to time one frame). */
  draw(): void {
    const canvas = this.canvas();
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (this.fullPending) {
      const started = performance.now();
      const { zoom, x, y } = this.camera;
      const scale = this.pixelRatio * zoom;
      this.fullPending = false;
      this.pendingAdds.length = 0;
      this.stats.full++;
      clearTimeout(this.settle);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(scale, 0, 0, scale, -x * scale, -y * scale);
      const visible = visibleRect(this.camera, this.viewport());
      const elements = [...this.board.elements.values()].sort(compareByZ);
      for (const element of elements) {
        if (this.excluded.has(element.id) || !rectsIntersect(cachedBounds(element), visible))
          continue;
        drawElement(ctx, element, { scale });
      }
      this.topDrawn = elements.at(-1) ?? null;
      // The new picture replaces the moved one in the same frame.
      this.drawnCamera = this.camera;
      canvas.style.transform = '';
      this.stats.lastFullMs = performance.now() - started;
      this.onDraw(this.stats);
      return;
    }
    if (this.pendingAdds.length === 0) return;
    this.stats.incremental++;
    // Onto the picture as it was drawn, which may be shown moved for the current camera.
    const drawn = this.drawnCamera ?? this.camera;
    const scale = this.pixelRatio * drawn.zoom;
    ctx.setTransform(scale, 0, 0, scale, -drawn.x * scale, -drawn.y * scale);
    const visible = visibleRect(drawn, this.viewport());
    for (const element of this.pendingAdds.splice(0).sort(compareByZ)) {
      if (rectsIntersect(cachedBounds(element), visible)) drawElement(ctx, element, { scale });
      this.topDrawn = element;
    }
    this.onDraw(this.stats);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.settle);
    this.board.elements.unobserve(this.onElements);
    this.stopImages();
  }
}
