import {
  type Board,
  boardRectOfPixels,
  type Camera,
  cameraChange,
  compareByZ,
  DirtyRegion,
  type ElementRecord,
  pixelsOnCanvas,
  rectsIntersect,
  visibleRect,
} from '@roundtable/shared';
import type * as Y from 'yjs';
import { drawElement, paintedBounds } from './draw-element';
import { onImageLoaded } from './image-cache';

/**
 * A board whose full draw takes longer than this (script time) is not drawn again on every
 * frame the camera moves: its last picture is scaled and moved with CSS instead (the
 * compositor's work), and drawn afresh once the camera rests. Lighter boards redraw at once.
 */
const FULL_DRAW_BUDGET_MS = 8;
/** How long the camera must rest before a heavy board is drawn afresh for it. */
const CAMERA_SETTLE_MS = 150;
/** Changed areas covering more of the canvas than this are drawn as one full redraw. */
const REPAINT_AREA_SHARE = 0.4;

/** Draws so far of each kind, and how long the last full one took (ms). */
export interface SceneStats {
  full: number;
  /** Areas where elements changed, went or came below the top, cleared and drawn again. */
  repaints: number;
  /** New elements on top, drawn onto the picture. */
  incremental: number;
  lastFullMs: number;
}

/**
 * Draws the board's finished elements into one canvas (a Konva layer's), and only when they
 * change, once per animation frame: a new element on top is drawn onto what is already
 * there; where elements change, go, or come below the top, only their areas are cleared and
 * drawn again; a pan or zoom redraws the visible board (on a heavy board once the camera
 * rests). Pointer events never touch this canvas.
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
  /** Elements (as they are, or as they were) whose areas are to be cleared and drawn again. */
  private readonly dirty: ElementRecord[] = [];
  private frame = 0;
  private readonly stopImages: () => void;
  readonly stats: SceneStats = { full: 0, repaints: 0, incremental: 0, lastFullMs: 0 };

  constructor(
    private readonly board: Board,
    private readonly canvas: () => HTMLCanvasElement | null,
    private readonly pixelRatio: number,
    private readonly viewport: () => { width: number; height: number },
    /** Told after every draw of any kind (the benchmark times first paint with it). */
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

  /** Elements drawn elsewhere for now (a selection being dragged): their areas are redrawn. */
  setExcluded(ids: ReadonlySet<string>): void {
    for (const id of new Set([...this.excluded, ...ids])) {
      const element = this.board.elements.get(id);
      if (element && this.excluded.has(id) !== ids.has(id)) this.dirty.push(element);
    }
    this.excluded = ids;
    this.schedule();
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
      if (change.action === 'add' && element && onTop && !this.excluded.has(key)) {
        this.pendingAdds.push(element);
        continue;
      }
      const before = change.oldValue as ElementRecord | undefined;
      if (before) this.dirty.push(before);
      if (element) this.dirty.push(element);
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
    const drew = !this.fullPending && this.dirty.length > 0 && this.repaintDirty(canvas, ctx);
    if (this.fullPending) this.drawFull(canvas, ctx);
    else if (this.pendingAdds.length > 0) this.drawAdds(ctx);
    else if (!drew) return;
    this.onDraw(this.stats);
  }

  /** Clears the canvas and draws every visible element for the current camera. */
  private drawFull(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): void {
    const started = performance.now();
    const { zoom, x, y } = this.camera;
    const scale = this.pixelRatio * zoom;
    this.fullPending = false;
    this.pendingAdds.length = 0;
    this.dirty.length = 0;
    this.stats.full++;
    clearTimeout(this.settle);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, -x * scale, -y * scale);
    const visible = visibleRect(this.camera, this.viewport());
    const elements = [...this.board.elements.values()].sort(compareByZ);
    for (const element of elements) {
      if (this.excluded.has(element.id) || !rectsIntersect(paintedBounds(element), visible))
        continue;
      drawElement(ctx, element, { scale });
    }
    this.topDrawn = elements.at(-1) ?? null;
    // The new picture replaces the moved one in the same frame.
    this.drawnCamera = this.camera;
    canvas.style.transform = '';
    this.stats.lastFullMs = performance.now() - started;
  }

  /**
   * Clears the changed areas and draws everything in them again, in order (new elements on
   * top join in). Areas covering much of the canvas are left to a full redraw instead
   * (false: nothing drawn yet).
   */
  private repaintDirty(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): boolean {
    const drawn = this.drawnCamera ?? this.camera;
    for (const element of this.pendingAdds.splice(0)) {
      this.dirty.push(element);
      if (!this.topDrawn || compareByZ(this.topDrawn, element) < 0) this.topDrawn = element;
    }
    const region = new DirtyRegion(drawn, this.pixelRatio);
    for (const element of this.dirty.splice(0)) region.addBoardRect(paintedBounds(element));
    const all = region.covered();
    if (all === 'all') {
      this.fullPending = true;
      return false;
    }
    const covered = all.flatMap((r) => pixelsOnCanvas(r, canvas.width, canvas.height) ?? []);
    const area = covered.reduce((sum, r) => sum + r.w * r.h, 0);
    if (area > canvas.width * canvas.height * REPAINT_AREA_SHARE) {
      this.fullPending = true;
      return false;
    }
    if (covered.length === 0) return false; // all of it off screen
    this.stats.repaints++;
    const areas = covered.map((r) => boardRectOfPixels(r, drawn, this.pixelRatio));
    const elements = [...this.board.elements.values()]
      .filter(
        (e) => !this.excluded.has(e.id) && areas.some((a) => rectsIntersect(paintedBounds(e), a)),
      )
      .sort(compareByZ);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    for (const r of covered) ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
    for (const r of covered) ctx.clearRect(r.x, r.y, r.w, r.h);
    const scale = this.pixelRatio * drawn.zoom;
    ctx.setTransform(scale, 0, 0, scale, -drawn.x * scale, -drawn.y * scale);
    for (const element of elements) drawElement(ctx, element, { scale });
    ctx.restore();
    return true;
  }

  /** Draws new elements on top onto the picture, as it was drawn (it may be shown moved). */
  private drawAdds(ctx: CanvasRenderingContext2D): void {
    this.stats.incremental++;
    const drawn = this.drawnCamera ?? this.camera;
    const scale = this.pixelRatio * drawn.zoom;
    ctx.setTransform(scale, 0, 0, scale, -drawn.x * scale, -drawn.y * scale);
    const visible = visibleRect(drawn, this.viewport());
    for (const element of this.pendingAdds.splice(0).sort(compareByZ)) {
      if (rectsIntersect(paintedBounds(element), visible)) drawElement(ctx, element, { scale });
      this.topDrawn = element;
    }
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.settle);
    this.board.elements.unobserve(this.onElements);
    this.stopImages();
  }
}
