import {
  addElement,
  type Board,
  bringToFront,
  type Camera,
  type Command,
  deleteElements,
  duplicateElements,
  EDGE_ROTATION,
  type ElementChanges,
  fitCamera,
  IDENTITY_CAMERA,
  joinAsTablet,
  type ParticipantRecord,
  type PencilState,
  type Point,
  parsePencil,
  type Rect,
  recolourElements,
  type SeatRecord,
  screenToBoard,
  seatAt,
  seatsInTurnOrder,
  sendToBack,
  unionRects,
  updateElements,
  zoomAt,
} from '@roundtable/shared';
import type * as Y from 'yjs';
import { Actor } from './actor';
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
import { MoveModes } from './move-modes';
import { pictureSpot } from './picture-spot';
import { isDrawTool, isShapeTool, type ToolId, type ToolSettings } from './tools';

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
  | 'votes';

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

/** Why a seat's touch did nothing on a screen that does not speak for the seats. */
export const NOT_A_TABLE =
  'This screen is not an enrolled table: seats cannot draw. The librarian can make it one in the Librarian panel.';

/** A new picture covers at most this share of the shorter side of the screen. */
const IMAGE_SCREEN_SHARE = 0.5;

export interface ControllerOptions {
  actorId: string;
  /** SHA-256 of this device's key: its participant record carries it (see `deviceKeyHash`). */
  deviceKeyHash?: string;
  layout: Layout;
  viewport: { width: number; height: number };
}

type PinchGesture = ReturnType<typeof pinchGesture>;

/** What a finger does when it may not change the board: nothing. */
const IDLE_GESTURE: Gesture = { move() {}, end() {}, cancel() {} };

/**
 * Everything the board does with input, with no DOM and no rendering: pointer samples in,
 * Yjs commands and view state out. The React components draw it; tests drive it directly.
 */
export class BoardController {
  readonly layout: Layout;
  private readonly deviceKeyHash: string;
  camera: Camera = IDENTITY_CAMERA;
  /** This device's user: everything on a tablet, and the table's own controls. */
  readonly device: Actor;
  viewport: { width: number; height: number };
  selection: ReadonlySet<string> = new Set();
  editingId: string | null = null;
  private editingActor: Actor | null = null;
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
  private readonly listeners = new Set<(change: Change) => void>();
  /** The table's seats, each drawing with its own tools and undo. */
  private readonly seatActors = new Map<string, Actor>();
  /** Seats whose next gesture moves the board. */
  private readonly moves = new MoveModes(this);
  /** See `speaksForSeats`. */
  private seatsSpokenFor = true;

  constructor(
    readonly board: Board,
    options: ControllerOptions,
  ) {
    this.layout = options.layout;
    this.deviceKeyHash = options.deviceKeyHash ?? '';
    this.viewport = options.viewport;
    this.device = new Actor(options.actorId, board, 0, {}, () => this.emit('history'));
    board.elements.observe(this.dropVanishedSelection);
    board.seats.observe(this.syncSeats);
    board.participants.observe(this.syncParticipant);
    board.control.observe(this.pencilChanged);
    board.votes.observe(this.votesChanged);
    this.syncSeats();
    this.syncParticipant();
  }

  // ---- talking pencil ------------------------------------------------------------------

  /** The talking pencil as the server last wrote it. */
  pencil(): PencilState {
    return parsePencil(this.board.control.get('pencil'));
  }

  /** A seat's or a tablet's name, for "Fox has the pencil". */
  nameOf(id: string | null): string {
    if (id === null) return 'nobody';
    return this.board.seats.get(id)?.name ?? this.board.participants.get(id)?.name ?? 'someone';
  }

  /** Whether the librarian has made the board read-only. */
  locked(): boolean {
    return (this.board.control.get('lock') as { locked?: boolean } | undefined)?.locked === true;
  }

  /**
   * Whether this device speaks for the table's seats: the server lets only an enrolled table
   * (or, before a librarian PIN is set, any table screen) draw, vote or hold the pencil as a
   * seat. The page says so (`setSpeaksForSeats`); until then a table assumes it does.
   */
  speaksForSeats(): boolean {
    return this.layout === 'table' && this.seatsSpokenFor;
  }

  setSpeaksForSeats(speaks: boolean): void {
    if (speaks === this.seatsSpokenFor) return;
    this.seatsSpokenFor = speaks;
    this.emit('seats');
  }

  /** Whether `actor` is one of the table's seats (not this device's own user). */
  isSeat(actor: Actor): boolean {
    return this.seatActors.get(actor.id) === actor;
  }

  /**
   * Whether this actor may change the board now: unless it is locked, someone else holds the
   * pencil, or it is a seat of a screen that does not speak for the seats.
   */
  mayEdit(actor: Actor = this.device): boolean {
    if (this.isSeat(actor) && !this.speaksForSeats()) return false;
    if (this.locked()) return false;
    const pencil = this.pencil();
    return pencil.mode === 'open' || pencil.holderId === actor.id;
  }

  /** Says why nothing happened, instead of letting the server refuse the change. */
  private refuseWithoutPencil(actor: Actor): boolean {
    if (this.mayEdit(actor)) return false;
    if (this.isSeat(actor) && !this.speaksForSeats()) {
      this.setNotice({ kind: 'info', text: NOT_A_TABLE });
      return true;
    }
    if (this.locked()) {
      this.setNotice({
        kind: 'info',
        text: 'The librarian has locked this board: look, but do not draw.',
      });
      return true;
    }
    const holder = this.pencil().holderId;
    this.setNotice({
      kind: 'info',
      text:
        holder === null
          ? 'The talking pencil is with the librarian. Listen for now.'
          : `${this.nameOf(holder)} has the talking pencil. Raise your hand to ask for it.`,
    });
    return true;
  }

  /** The server wrote control state: the routine, or the pencil and lock. */
  private readonly pencilChanged = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) this.emit(key === 'routine' ? 'routine' : 'pencil');
  };
  private readonly votesChanged = () => this.emit('votes');

  /**
   * This tablet's place among the board's participants, once it has joined with its key (a
   * record from before device keys does not count: joining again claims it).
   */
  participant(): ParticipantRecord | undefined {
    const me = this.board.participants.get(this.device.id);
    return me && me.keyHash === this.deviceKeyHash ? me : undefined;
  }

  /** A tablet joins (or renames itself): its name and colour go with its ink. */
  join(name: string, color: string): void {
    this.perform(joinAsTablet, {
      id: this.device.id,
      name,
      color,
      keyHash: this.deviceKeyHash,
    });
    this.changeSettings(undefined, { color });
  }

  private readonly syncParticipant = () => {
    const me = this.participant();
    this.device.name = me?.name ?? (this.layout === 'table' ? 'Table' : '');
    this.device.color = me?.color ?? '#1f2a44';
    this.emit('participants');
  };

  /** Tools and undo for this device's user, or for the seat with that id. */
  actor(actorId?: string): Actor {
    return (actorId && this.seatActors.get(actorId)) || this.device;
  }

  /** The table's seats in turn order (clockwise). */
  seats(): SeatRecord[] {
    return seatsInTurnOrder(this.board.seats.values());
  }

  /** Whose touch this is: on the table, the seat whose territory it lands in. */
  actorAt(point: Point): Actor {
    if (this.layout !== 'table' || this.seatActors.size === 0) return this.device;
    const seat = seatAt([...this.board.seats.values()], point, this.viewport);
    return (seat && this.seatActors.get(seat.id)) || this.device;
  }

  /** Keeps one actor per seat as seats are added, moved and removed (by anyone). */
  private readonly syncSeats = () => {
    const seats = new Map([...this.board.seats.entries()]);
    for (const [id, actor] of this.seatActors) {
      if (seats.has(id)) continue;
      actor.destroy();
      this.seatActors.delete(id);
    }
    for (const [id, seat] of seats) {
      let actor = this.seatActors.get(id);
      if (!actor) {
        actor = new Actor(id, this.board, 0, { color: seat.color }, () => this.emit('history'));
        this.seatActors.set(id, actor);
      }
      actor.facing = EDGE_ROTATION[seat.edge];
      actor.name = seat.name;
      actor.color = seat.color;
    }
    this.emit('seats');
  };

  /** This device's tools (a seat's are `actor(seatId).settings`). */
  get settings(): ToolSettings {
    return this.device.settings;
  }

  get actorId(): string {
    return this.device.id;
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
    // A contact that grows to a palm's size mid-stroke was a palm all along: no ink from it.
    if (isPalm(sample) || coalesced.some(isPalm)) {
      if (this.lastSamples.has(sample.id)) this.pointerCancel(sample.id);
      return;
    }
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

  private navigates(sample: PointerSample, actor: Actor): boolean {
    if (sample.kind === 'mouse' && sample.buttons === 4) return true;
    return actor.settings.tool === 'hand';
  }

  private startsPinch(sample: PointerSample): boolean {
    if (sample.kind !== 'touch') return false;
    const touching = [...this.gestures.keys()];
    const firstId = touching[0]!;
    // On the table only a finger that is moving the board (its seat's "Move the board")
    // pinches, with a second one of the same seat: two students drawing never zoom it.
    const mover = this.moves.panningFor(firstId);
    const pinchAllowed =
      this.layout === 'tablet' ||
      (this.seatActors.size === 0 && this.settings.tool === 'hand') ||
      (mover !== undefined && this.actorAt(sample) === mover);
    if (!pinchAllowed || touching.length !== 1 || this.pinch) return false;
    const first = this.lastSamples.get(firstId);
    if (!first) return false;
    this.gestures.get(firstId)?.cancel();
    this.gestures.delete(firstId);
    this.pinch = pinchGesture(
      { board: this.board, controller: this, actor: this.device },
      first,
      sample,
    );
    return true;
  }

  private gestureFor(sample: PointerSample): Gesture {
    const actor = this.actorAt(sample);
    const context: GestureContext = { board: this.board, controller: this, actor };
    const tool = actor.settings.tool;
    if (this.navigates(sample, actor)) {
      return this.moves.panning(sample.id, actor, panGesture(context, sample));
    }
    if (this.refuseWithoutPencil(actor)) return IDLE_GESTURE;
    if (isDrawTool(tool)) return drawGesture(context, sample, tool);
    if (isShapeTool(tool)) return shapeGesture(context, sample, tool);
    if (tool === 'eraser') return eraseGesture(context, sample);
    if (tool === 'note' || tool === 'text') return placeGesture(context, tool);
    const handle = handleAt(context, sample);
    if (handle) return transformGesture(context, handle);
    return selectGesture(context, sample);
  }

  // ---- commands and undo -------------------------------------------------------------

  /** Runs a command as this device's user (see Actor.perform). */
  perform<Args, Result>(
    command: Command<Args, Result>,
    args: Args,
    options: { sameUndoStep?: boolean } = {},
  ): Result {
    return this.device.perform(command, args, options);
  }

  /** Undoes the last step of this device's user, or of one seat: never anyone else's. */
  undo(actorId?: string): void {
    const actor = this.actor(actorId);
    if (!this.refuseWithoutPencil(actor)) actor.undo();
  }

  redo(actorId?: string): void {
    const actor = this.actor(actorId);
    if (!this.refuseWithoutPencil(actor)) actor.redo();
  }

  get canUndo(): boolean {
    return this.device.canUndo;
  }

  get canRedo(): boolean {
    return this.device.canRedo;
  }

  // ---- tools -------------------------------------------------------------------------

  private changeSettings(actorId: string | undefined, changes: Partial<ToolSettings>): void {
    const actor = this.actor(actorId);
    actor.settings = { ...actor.settings, ...changes };
    this.emit('tool');
  }

  setTool(tool: ToolId, actorId?: string): void {
    if (tool !== 'select') this.select([]);
    this.moves.forget(this.actor(actorId));
    this.changeSettings(actorId, { tool });
  }

  /**
   * A seat's "Move the board": its next gesture moves the board (two fingers also zoom), and
   * when that gesture ends the seat has its tool back. Pressed again, it is called off.
   */
  toggleMove(actorId: string): void {
    const actor = this.actor(actorId);
    const before = this.moves.toggle(actor);
    this.changeSettings(actorId, { tool: before ?? 'hand' });
  }

  /** Whether this seat's next gesture moves the board. */
  moving(actorId: string): boolean {
    return this.moves.armed(this.actor(actorId));
  }

  /** Gives back a seat's tool once its move of the board is over (see `MoveModes`). */
  endMove(actor: Actor, tool: ToolId): void {
    actor.settings = { ...actor.settings, tool };
    this.emit('tool');
  }

  /** The actor's ink colour; with the select tool and a selection, the selection's too. */
  setColor(color: string, actorId?: string): void {
    this.changeSettings(actorId, { color });
    const actor = this.actor(actorId);
    if (actor.settings.tool !== 'select' || this.selection.size === 0) return;
    if (this.refuseWithoutPencil(actor)) return;
    actor.perform(recolourElements, { ids: [...this.selection], color });
  }

  setWidth(width: number, actorId?: string): void {
    this.changeSettings(actorId, { width });
  }

  setNoteColor(noteColor: string, actorId?: string): void {
    this.changeSettings(actorId, { noteColor });
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

  /** Screen edges covered by toolbars and panels: "Fit to content" keeps clear of them. */
  viewInsets: ViewInsets = {};

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

  setNotice(notice: Notice | null): void {
    this.notice = notice;
    this.emit('notice');
  }

  /**
   * Puts a picture on the board centred on a screen point (default: the middle of the
   * screen), no bigger than half the screen, and selects it so it can be moved and sized.
   */
  addImage(asset: ImageAsset, at?: Point, actorId?: string): string | null {
    const actor = this.actor(actorId);
    if (this.refuseWithoutPencil(actor)) return null;
    const longest = Math.max(asset.width, asset.height, 1);
    const fitted =
      (Math.min(this.viewport.width, this.viewport.height) * IMAGE_SCREEN_SHARE) / this.camera.zoom;
    const scale = Math.min(longest, fitted) / longest;
    const w = Math.max(1, asset.width * scale);
    const h = Math.max(1, asset.height * scale);
    // Dropped or pasted at a point: there. From a button: the free spot nearest the middle
    // of what this screen shows (a seat's: in front of it), covering nobody's work.
    const place = at
      ? ((c: Point) => ({ x: c.x - w / 2, y: c.y - h / 2 }))(this.toBoard(at))
      : pictureSpot(this, { w, h }, actorId ? this.board.seats.get(actorId) : undefined);
    const id = actor.perform(addElement, {
      type: 'image',
      authorId: actor.id,
      rotation: actor.facing,
      ...place,
      w,
      h,
      assetId: asset.assetId,
      alt: asset.alt.slice(0, 300),
    });
    this.setTool('select', actorId);
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
    if (this.selection.size === 0 || this.refuseWithoutPencil(this.device)) return;
    this.perform(deleteElements, [...this.selection]);
    this.select([]);
  }

  duplicateSelection(): void {
    if (this.selection.size === 0 || this.refuseWithoutPencil(this.device)) return;
    const copies = this.perform(duplicateElements, {
      ids: [...this.selection],
      dx: 24,
      dy: 24,
      authorId: this.actorId,
    });
    this.select(copies);
  }

  bringSelectionToFront(): void {
    if (this.refuseWithoutPencil(this.device)) return;
    this.perform(bringToFront, [...this.selection]);
  }

  sendSelectionToBack(): void {
    if (this.refuseWithoutPencil(this.device)) return;
    this.perform(sendToBack, [...this.selection]);
  }

  /** Opens a note or text box for typing; the typing belongs to `actor` (who placed it). */
  startEditing(id: string, actor: Actor = this.device): void {
    this.editingId = id;
    this.editingActor = actor;
    actor.beginUndoStep();
    this.emit('editing');
  }

  /** Typing into a note or text box: one undo step per editing session. */
  editText(text: string): void {
    if (!this.editingId) return;
    this.actor(this.editingActor?.id).perform(
      updateElements,
      [{ id: this.editingId, changes: { text } }],
      { sameUndoStep: true },
    );
  }

  finishEditing(): void {
    this.editingActor?.beginUndoStep();
    this.editingId = null;
    this.editingActor = null;
    this.emit('editing');
  }

  private readonly dropVanishedSelection = () => {
    const kept = [...this.selection].filter((id) => this.board.elements.has(id));
    if (kept.length !== this.selection.size) this.select(kept);
    if (this.editingId && !this.board.elements.has(this.editingId)) this.finishEditing();
  };

  destroy(): void {
    this.board.elements.unobserve(this.dropVanishedSelection);
    this.board.seats.unobserve(this.syncSeats);
    this.board.participants.unobserve(this.syncParticipant);
    this.board.control.unobserve(this.pencilChanged);
    this.board.votes.unobserve(this.votesChanged);
    this.device.destroy();
    for (const actor of this.seatActors.values()) actor.destroy();
    this.listeners.clear();
  }
}
