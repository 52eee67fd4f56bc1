import {
  addElement,
  type Board,
  bringToFront,
  type Camera,
  type Command,
  createUndoManager,
  deleteElements,
  duplicateElements,
  type ElementChanges,
  fitCamera,
  IDENTITY_CAMERA,
  localOrigin,
  type Point,
  type Rect,
  runCommand,
  screenToBoard,
  sendToBack,
  unionRects,
  updateElements,
  zoomAt,
} from '@roundtable/shared';
import type * as Y from 'yjs';
import { cachedBounds } from './geometry-cache';
import { drawGesture, type LiveInk } from './gestures/draw';
import { eraseGesture } from './gestures/erase';
import type { Gesture, GestureContext } from './gestures/gesture';
import { panGesture, pinchGesture } from './gestures/navigate';
import { placeGesture } from './gestures/place';
import { selectGesture } from './gestures/select';
import { type ShapePreview, shapeGesture } from './gestures/shape';
import { handleAt, transformGesture } from './gestures/transform';
import { isPalm, type PointerSample } from './input';
import { DEFAULT_SETTINGS, isDrawTool, isShapeTool, type ToolId, type ToolSettings } from './tools';

export type Layout = 'table' | 'tablet';

/** What changed, so views redraw only what they must (live ink never redraws the scene). */
export type Change = 'live' | 'camera' | 'selection' | 'tool' | 'history' | 'editing' | 'notice';

/** A message for whoever is at this device: work in progress, or what went wrong. */
export interface Notice {
  kind: 'busy' | 'error';
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

/** A new picture covers at most this share of the shorter side of the screen. */
const IMAGE_SCREEN_SHARE = 0.5;

export interface ControllerOptions {
  actorId: string;
  layout: Layout;
  viewport: { width: number; height: number };
}

type PinchGesture = ReturnType<typeof pinchGesture>;

/**
 * Everything the board does with input, with no DOM and no rendering: pointer samples in,
 * Yjs commands and view state out. The React components draw it; tests drive it directly.
 */
export class BoardController {
  readonly actorId: string;
  readonly layout: Layout;
  camera: Camera = IDENTITY_CAMERA;
  settings: ToolSettings = { ...DEFAULT_SETTINGS };
  viewport: { width: number; height: number };
  selection: ReadonlySet<string> = new Set();
  editingId: string | null = null;
  notice: Notice | null = null;
  /** Live strokes by pointer id: many fingers draw at once. */
  readonly liveInk = new Map<number, LiveInk>();
  readonly previews = new Map<number, ShapePreview>();
  marquee: Rect | null = null;
  /** How far the selection is being dragged (board units), before the move is committed. */
  dragOffset: Point | null = null;
  /** A resize or rotate in progress, drawn live before it is committed. */
  transformPreview: { id: string; changes: ElementChanges } | null = null;

  private readonly gestures = new Map<number, Gesture>();
  /** Latest sample per pointer, so a pinch can start from where the first finger is now. */
  private readonly lastSamples = new Map<number, PointerSample>();
  private pinch: PinchGesture | null = null;
  private readonly undoManager: Y.UndoManager;
  private readonly listeners = new Set<(change: Change) => void>();
  private readonly context: GestureContext;

  constructor(
    readonly board: Board,
    options: ControllerOptions,
  ) {
    this.actorId = options.actorId;
    this.layout = options.layout;
    this.viewport = options.viewport;
    this.undoManager = createUndoManager(board, options.actorId, {
      captureTimeout: Number.POSITIVE_INFINITY,
    });
    this.undoManager.on('stack-item-added', () => this.emit('history'));
    this.undoManager.on('stack-item-popped', () => this.emit('history'));
    board.elements.observe(this.dropVanishedSelection);
    this.context = { board, controller: this };
  }

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }

  // ---- input -------------------------------------------------------------------------

  pointerDown(sample: PointerSample): void {
    if (isPalm(sample) || (sample.kind === 'mouse' && sample.buttons === 2)) return;
    // A touch outside the note being typed closes it, and does nothing else.
    if (this.editingId) {
      this.finishEditing();
      return;
    }
    if (this.gestures.has(sample.id)) this.pointerCancel(sample.id);
    this.lastSamples.set(sample.id, sample);
    // On a tablet a second finger turns the first one's stroke into a pinch-zoom.
    if (this.startsPinch(sample)) return;
    this.gestures.set(sample.id, this.gestureFor(sample));
  }

  pointerMove(sample: PointerSample, coalesced: readonly PointerSample[] = []): void {
    if (this.lastSamples.has(sample.id)) this.lastSamples.set(sample.id, sample);
    if (this.pinch?.ids.includes(sample.id)) {
      this.pinch.move(sample);
      return;
    }
    const gesture = this.gestures.get(sample.id);
    if (!gesture) return;
    for (const s of coalesced) gesture.move(s);
    gesture.move(sample);
  }

  pointerUp(sample: PointerSample): void {
    this.lastSamples.delete(sample.id);
    if (this.pinch?.ids.includes(sample.id)) {
      this.pinch = null;
      return;
    }
    const gesture = this.gestures.get(sample.id);
    this.gestures.delete(sample.id);
    gesture?.end(sample);
  }

  pointerCancel(id: number): void {
    this.lastSamples.delete(id);
    if (this.pinch?.ids.includes(id)) this.pinch = null;
    const gesture = this.gestures.get(id);
    this.gestures.delete(id);
    gesture?.cancel();
  }

  private navigates(sample: PointerSample): boolean {
    if (sample.kind === 'mouse' && sample.buttons === 4) return true;
    return this.settings.tool === 'hand';
  }

  private startsPinch(sample: PointerSample): boolean {
    if (sample.kind !== 'touch') return false;
    const pinchAllowed = this.layout === 'tablet' || this.settings.tool === 'hand';
    const touching = [...this.gestures.keys()];
    if (!pinchAllowed || touching.length !== 1 || this.pinch) return false;
    const firstId = touching[0]!;
    const first = this.lastSamples.get(firstId);
    if (!first) return false;
    this.gestures.get(firstId)?.cancel();
    this.gestures.delete(firstId);
    this.pinch = pinchGesture(this.context, first, sample);
    return true;
  }

  private gestureFor(sample: PointerSample): Gesture {
    const tool = this.settings.tool;
    if (this.navigates(sample)) return panGesture(this.context, sample);
    if (isDrawTool(tool)) return drawGesture(this.context, sample, tool);
    if (isShapeTool(tool)) return shapeGesture(this.context, sample, tool);
    if (tool === 'eraser') return eraseGesture(this.context, sample);
    if (tool === 'note' || tool === 'text') return placeGesture(this.context, tool);
    const handle = handleAt(this.context, sample);
    if (handle) return transformGesture(this.context, handle);
    return selectGesture(this.context, sample);
  }

  // ---- commands and undo -------------------------------------------------------------

  /**
   * Runs a command as this actor. Each call is its own undo step unless `sameUndoStep`
   * (an eraser gesture deleting stroke after stroke is one step).
   */
  perform<Args, Result>(
    command: Command<Args, Result>,
    args: Args,
    { sameUndoStep = false } = {},
  ): Result {
    if (!sameUndoStep) this.undoManager.stopCapturing();
    const result = runCommand(this.board, command, args, localOrigin(this.actorId));
    return result;
  }

  /** Starts a new undo step that the following `sameUndoStep` commands join. */
  beginUndoStep(): void {
    this.undoManager.stopCapturing();
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  get canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  get canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  // ---- tools -------------------------------------------------------------------------

  setTool(tool: ToolId): void {
    this.settings = { ...this.settings, tool };
    if (tool !== 'select') this.select([]);
    this.emit('tool');
  }

  setColor(color: string): void {
    this.settings = { ...this.settings, color };
    this.emit('tool');
  }

  setWidth(width: number): void {
    this.settings = { ...this.settings, width };
    this.emit('tool');
  }

  setNoteColor(noteColor: string): void {
    this.settings = { ...this.settings, noteColor };
    this.emit('tool');
  }

  /** Which way new notes and text face (seats turn theirs; a tablet's are upright). */
  facing(): number {
    return 0;
  }

  // ---- view --------------------------------------------------------------------------

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

  zoomBy(
    factor: number,
    at: Point = { x: this.viewport.width / 2, y: this.viewport.height / 2 },
  ): void {
    this.setCamera(zoomAt(this.camera, at, factor));
  }

  fitToContent(): void {
    const bounds = unionRects([...this.board.elements.values()].map(cachedBounds));
    this.setCamera(fitCamera(bounds, this.viewport));
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

  setNotice(notice: Notice | null): void {
    this.notice = notice;
    this.emit('notice');
  }

  /**
   * Puts a picture on the board centred on a screen point (default: the middle of the
   * screen), no bigger than half the screen, and selects it so it can be moved and sized.
   */
  addImage(asset: ImageAsset, at?: Point): string {
    const centre = this.toBoard(at ?? { x: this.viewport.width / 2, y: this.viewport.height / 2 });
    const longest = Math.max(asset.width, asset.height, 1);
    const fitted =
      (Math.min(this.viewport.width, this.viewport.height) * IMAGE_SCREEN_SHARE) / this.camera.zoom;
    const scale = Math.min(longest, fitted) / longest;
    const w = Math.max(1, asset.width * scale);
    const h = Math.max(1, asset.height * scale);
    const id = this.perform(addElement, {
      type: 'image',
      authorId: this.actorId,
      rotation: this.facing(),
      x: centre.x - w / 2,
      y: centre.y - h / 2,
      w,
      h,
      assetId: asset.assetId,
      alt: asset.alt.slice(0, 300),
    });
    this.setTool('select');
    this.select([id]);
    return id;
  }

  // ---- selection and editing ---------------------------------------------------------

  select(ids: readonly string[]): void {
    if (ids.length === 0 && this.selection.size === 0) return;
    this.selection = new Set(ids);
    this.emit('selection');
  }

  deleteSelection(): void {
    if (this.selection.size === 0) return;
    this.perform(deleteElements, [...this.selection]);
    this.select([]);
  }

  duplicateSelection(): void {
    if (this.selection.size === 0) return;
    const copies = this.perform(duplicateElements, {
      ids: [...this.selection],
      dx: 24,
      dy: 24,
      authorId: this.actorId,
    });
    this.select(copies);
  }

  bringSelectionToFront(): void {
    this.perform(bringToFront, [...this.selection]);
  }

  sendSelectionToBack(): void {
    this.perform(sendToBack, [...this.selection]);
  }

  startEditing(id: string): void {
    this.editingId = id;
    this.undoManager.stopCapturing();
    this.emit('editing');
  }

  /** Typing into a note or text box: one undo step per editing session. */
  editText(text: string): void {
    if (!this.editingId) return;
    this.perform(updateElements, [{ id: this.editingId, changes: { text } }], {
      sameUndoStep: true,
    });
  }

  finishEditing(): void {
    this.editingId = null;
    this.undoManager.stopCapturing();
    this.emit('editing');
  }

  private readonly dropVanishedSelection = () => {
    const kept = [...this.selection].filter((id) => this.board.elements.has(id));
    if (kept.length !== this.selection.size) this.select(kept);
    if (this.editingId && !this.board.elements.has(this.editingId)) this.finishEditing();
  };

  destroy(): void {
    this.board.elements.unobserve(this.dropVanishedSelection);
    this.undoManager.destroy();
    this.listeners.clear();
  }
}
