import {
  type Board,
  boardRectOfPixels,
  type Camera,
  cameraChange,
  changesSincePicture,
  compareByZ,
  DirtyRegion,
  type ElementRecord,
  elementsToDraw,
  pixelsOnCanvas,
  type Rect,
  rectsIntersect,
  sameCamera,
  sameState,
  visibleRect,
} from '@roundtable/shared';
import * as Y from 'yjs';
import { whenIdle } from '../when-idle';
import { drawElement, paintedBounds } from './draw-element';
import { onImageLoaded } from './image-cache';
import { type RasterPicture, releasePicture } from './raster/picture';
import { elementVersions, pictureElements } from './raster/picture-elements';
import type { SceneCapture } from './raster/raster-cache';

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
/** The vector draw that takes over from a server picture runs in slices this long. */
const TAKEOVER_SLICE_MS = 12;

/** Draws so far of each kind, and how long the last full one took (ms). */
export interface SceneStats {
  full: number;
  /** Areas where elements changed, went or came below the top, cleared and drawn again. */
  repaints: number;
  /** New elements on top, drawn onto the picture. */
  incremental: number;
  lastFullMs: number;
  /** Paints that began from a raster picture (of those counted in `full`). */
  rasterPaints: number;
  /** Where the last such picture came from. */
  rasterSource: 'cache' | 'server' | null;
  /** Vector draws, made in idle slices, that replaced a server picture on screen. */
  rasterTakeovers: number;
  /**
   * When the first paint's pixels went on screen (ms since navigation), if they were a
   * picture the page's head script showed before the app started, and it proved to be the
   * board as it is (same state, view and size): the benchmark's first full, correct paint.
   */
  pictureShownAt: number | null;
}

/**
 * A picture to paint first, instead of drawing every element: the scene waits for it and
 * for the board's content, then shows it and repaints what changed since (see paintFrom).
 */
export interface SceneStart {
  picture: Promise<RasterPicture | null>;
  /** Resolves once the board's content is in the document. */
  loaded: Promise<unknown>;
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
  /** Board areas to clear and draw again (where a picture showed what has changed since). */
  private readonly dirtyAreas: Rect[] = [];
  /** Waiting for the start picture and the board's content (nothing is drawn meanwhile). */
  private waitingForStart = false;
  private startPicture: RasterPicture | null = null;
  /** A picture already on screen over the page (start/), for this canvas to take over. */
  private shownPicture: RasterPicture | null = null;
  /** Whether the canvas holds this renderer's own pixels (not a server's picture). */
  private exact = true;
  /** Changes to elements or to what is left out so far (a takeover checks none came). */
  private changes = 0;
  private cancelTakeover: (() => void) | null = null;
  private frame = 0;
  private readonly stopImages: () => void;
  readonly stats: SceneStats = {
    full: 0,
    repaints: 0,
    incremental: 0,
    lastFullMs: 0,
    rasterPaints: 0,
    rasterSource: null,
    rasterTakeovers: 0,
    pictureShownAt: null,
  };

  constructor(
    private readonly board: Board,
    private readonly canvas: () => HTMLCanvasElement | null,
    private readonly pixelRatio: number,
    private readonly viewport: () => { width: number; height: number },
    /** Told after every draw of any kind (the benchmark times first paint with it). */
    private readonly onDraw: (stats: SceneStats) => void = () => {},
    start?: SceneStart,
  ) {
    board.elements.observe(this.onElements);
    this.stopImages = onImageLoaded(() => this.invalidate());
    if (start) {
      this.waitingForStart = true;
      start.picture.then((picture) => {
        if (!picture?.shown) return;
        this.shownPicture = picture;
        this.schedule();
      });
      Promise.all([start.picture, start.loaded])
        .then(([picture]) => {
          this.startPicture = picture;
        })
        .catch(() => {})
        .finally(() => {
          this.waitingForStart = false;
          this.schedule();
        });
    }
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
    this.changes++;
    this.schedule();
  }

  /** Redraw everything at the next frame (after a resize, say). */
  invalidate(): void {
    this.fullPending = true;
    this.schedule();
  }

  private readonly onElements = (event: Y.YMapEvent<ElementRecord>) => {
    this.changes++;
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
    if (this.waitingForStart) {
      this.takeShownPicture(canvas, ctx);
      return;
    }
    const started = this.startPicture !== null && this.paintFrom(canvas, ctx);
    const dirty = this.dirty.length > 0 || this.dirtyAreas.length > 0;
    const drew = !this.fullPending && dirty && this.repaintDirty(canvas, ctx);
    if (this.fullPending) this.drawFull(canvas, ctx);
    else if (this.pendingAdds.length > 0) this.drawAdds(ctx);
    else if (!drew && !started) return;
    this.onDraw(this.stats);
  }

  /**
   * Puts the picture the start worker showed over the page onto this canvas, and takes that
   * canvas off the page (so the app's controls, drawn above the scene, show): the same pixels, so
   * nothing visibly changes. It is checked against the board once the content is in.
   */
  private takeShownPicture(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): void {
    const picture = this.shownPicture;
    if (!picture?.shown) return;
    this.shownPicture = null;
    if (
      picture.width === canvas.width &&
      picture.height === canvas.height &&
      sameCamera(picture.camera, this.camera)
    ) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(picture.image, 0, 0);
    }
    picture.shown.on.remove();
  }

  /**
   * Shows the start picture, if it was drawn for this view, and marks what changed since
   * it as dirty (it is repainted in the same frame, so the first paint is the board as it
   * is). False: the picture does not fit, and the scene is drawn whole instead.
   */
  private paintFrom(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): boolean {
    const picture = this.startPicture!;
    this.startPicture = null;
    const fits =
      this.fullPending &&
      // The server's picture only of the very state this device has (nothing to repaint).
      (picture.elements !== null ||
        sameState(picture.stateVector, Y.encodeStateVector(this.board.doc))) &&
      picture.width === canvas.width &&
      picture.height === canvas.height &&
      this.excluded.size === 0 &&
      sameCamera(picture.camera, this.camera);
    if (!fits) {
      releasePicture(picture);
      return false;
    }
    const { changed, formerAreas } = picture.elements
      ? changesSincePicture(picture.elements, elementVersions(this.board.elements))
      : { changed: [], formerAreas: [] };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(picture.image, 0, 0);
    releasePicture(picture);
    this.stats.pictureShownAt =
      changed.length === 0 && formerAreas.length === 0 ? (picture.shown?.at ?? null) : null;
    this.fullPending = false;
    this.pendingAdds.length = 0;
    this.dirty.length = 0;
    for (const id of changed) this.dirty.push(this.board.elements.get(id)!);
    this.dirtyAreas.push(...formerAreas);
    let top: ElementRecord | null = null;
    for (const element of this.board.elements.values())
      if (!top || compareByZ(top, element) < 0) top = element;
    this.topDrawn = top;
    this.drawnCamera = this.camera;
    canvas.style.transform = '';
    this.stats.full++;
    this.stats.rasterPaints++;
    this.stats.rasterSource = picture.source;
    // How long drawing it all takes (a server picture: unknown, taken as heavy until the
    // takeover measures it): heavy boards show moved pictures while the camera moves.
    this.stats.lastFullMs = picture.elements ? picture.fullMs : FULL_DRAW_BUDGET_MS + 1;
    this.exact = picture.elements !== null;
    if (!this.exact) this.takeOver();
    return true;
  }

  /**
   * Draws the scene from vectors onto a canvas of its own in slices while the page is
   * idle, then puts it in place of the server's picture in one copy (the same picture, so
   * nothing visibly changes). A change meanwhile starts it again; a full draw ends it.
   */
  private takeOver(): void {
    this.cancelTakeover?.();
    const canvas = this.canvas();
    if (!canvas) return;
    const camera = this.camera;
    const changesAtStart = this.changes;
    const off = document.createElement('canvas');
    off.width = canvas.width;
    off.height = canvas.height;
    const ctx = off.getContext('2d')!;
    const scale = this.pixelRatio * camera.zoom;
    ctx.setTransform(scale, 0, 0, scale, -camera.x * scale, -camera.y * scale);
    const visible = visibleRect(camera, this.viewport());
    const elements = elementsToDraw(
      [...this.board.elements.values()].filter((e) => !this.excluded.has(e.id)),
      visible,
      paintedBounds,
    );
    let next = 0;
    let spent = 0;
    let cancelIdle = () => {};
    const slice = () => {
      const started = performance.now();
      while (next < elements.length && performance.now() - started < TAKEOVER_SLICE_MS)
        drawElement(ctx, elements[next++]!, { scale });
      // Rasterise this slice now, rather than all of it at the copy.
      ctx.getImageData(0, 0, 1, 1);
      spent += performance.now() - started;
      if (next < elements.length) {
        cancelIdle = whenIdle(slice, 100);
        return;
      }
      this.cancelTakeover = null;
      const still = this.drawnCamera !== null && sameCamera(camera, this.drawnCamera);
      if (this.exact || this.fullPending || !still) return;
      if (this.changes !== changesAtStart || canvas.style.transform) return this.takeOver();
      const target = canvas.getContext('2d')!;
      target.setTransform(1, 0, 0, 1, 0, 0);
      target.clearRect(0, 0, canvas.width, canvas.height);
      target.drawImage(off, 0, 0);
      this.exact = true;
      this.stats.lastFullMs = spent;
      this.stats.rasterTakeovers++;
      this.onDraw(this.stats);
    };
    cancelIdle = whenIdle(slice, 100);
    this.cancelTakeover = () => cancelIdle();
  }

  /**
   * The scene's picture and what it shows, if the canvas holds exactly the board as it is
   * (nothing pending, nothing left out, not shown moved); null otherwise.
   */
  capture(): SceneCapture | null {
    const canvas = this.canvas();
    const idle =
      this.exact &&
      !this.waitingForStart &&
      !this.fullPending &&
      this.frame === 0 &&
      this.dirty.length === 0 &&
      this.dirtyAreas.length === 0 &&
      this.pendingAdds.length === 0 &&
      this.excluded.size === 0;
    if (!canvas || !idle || !this.drawnCamera || canvas.style.transform) return null;
    if (!sameCamera(this.drawnCamera, this.camera)) return null;
    return {
      canvas,
      camera: this.drawnCamera,
      stateVector: Y.encodeStateVector(this.board.doc),
      elements: pictureElements(this.board.elements, paintedBounds),
      fullMs: this.stats.lastFullMs,
    };
  }

  /** Clears the canvas and draws every visible element for the current camera. */
  private drawFull(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): void {
    const started = performance.now();
    const { zoom, x, y } = this.camera;
    const scale = this.pixelRatio * zoom;
    this.fullPending = false;
    this.pendingAdds.length = 0;
    this.dirty.length = 0;
    this.dirtyAreas.length = 0;
    this.exact = true;
    this.cancelTakeover?.();
    this.cancelTakeover = null;
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
    for (const area of this.dirtyAreas.splice(0)) region.addBoardRect(area);
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
    this.cancelTakeover?.();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.settle);
    this.board.elements.unobserve(this.onElements);
    this.stopImages();
    if (this.shownPicture) releasePicture(this.shownPicture);
  }
}
