import { addElement, type Point } from '@roundtable/shared';
import type { Actor } from './actor';
import { drawGesture } from './gestures/draw';
import { eraseGesture } from './gestures/erase';
import type { Gesture, GestureContext } from './gestures/gesture';
import { panGesture, pinchGesture } from './gestures/navigate';
import {
  NOTE_SIZE,
  placeGesture,
  placeWriting,
  TEXT_FONT_SIZE,
  TEXT_WIDTH,
} from './gestures/place';
import { selectGesture } from './gestures/select';
import { shapeGesture } from './gestures/shape';
import { handleAt, transformGesture } from './gestures/transform';
import { IdentityController } from './identity';
import { isPalm, type PointerSample } from './input';
import { pictureSpot } from './picture-spot';
import { isDrawTool, isShapeTool } from './tools';
import type { ImageAsset } from './types';

export { notATable } from './permissions';
export type { Change, ControllerOptions, ImageAsset, Layout, Notice, ViewInsets } from './types';

/** Room a text box placed by the keyboard keeps free: a line or so of its text. */
const KEYBOARD_TEXT_SIZE = { w: TEXT_WIDTH, h: TEXT_FONT_SIZE * 2 };

/** A new picture covers at most this share of the shorter side of the screen. */
const IMAGE_SCREEN_SHARE = 0.5;

type PinchGesture = ReturnType<typeof pinchGesture>;

/** What a finger does when it may not change the board: nothing. */
const IDLE_GESTURE: Gesture = { move() {}, end() {}, cancel() {} };

/**
 * Everything the board does with input, with no DOM and no rendering: pointer samples in,
 * Yjs commands and view state out. The React components draw it; tests drive it directly.
 *
 * Built in layers, one file each, every layer using those below it: the board and change
 * notification (base.ts), the view (view.ts), the seats' actors (seat-actors.ts), who may
 * change the board (permissions.ts), the selection and typing (selection.ts), tools and
 * undo (tool-choice.ts), this device's identity (identity.ts); here, pointer input and
 * placing things, which hand gestures the whole controller.
 */
export class BoardController extends IdentityController {
  private readonly gestures = new Map<number, Gesture>();
  /** Latest sample per pointer, so a pinch can start from where the first finger is now. */
  private readonly lastSamples = new Map<number, PointerSample>();
  private pinch: PinchGesture | null = null;

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
    if (this.refuseEdit(actor)) return IDLE_GESTURE;
    if (isDrawTool(tool)) return drawGesture(context, sample, tool);
    if (isShapeTool(tool)) return shapeGesture(context, sample, tool);
    if (tool === 'eraser') return eraseGesture(context, sample);
    if (tool === 'note' || tool === 'text') return placeGesture(context, tool);
    const handle = handleAt(context, sample);
    if (handle) return transformGesture(context, handle);
    return selectGesture(context, sample);
  }

  // ---- placing -----------------------------------------------------------------------

  /**
   * The keyboard's way to write: a note or text box in the free spot nearest the middle of
   * the view, selected and open for typing, as a tap would place it.
   */
  placeByKeyboard(kind: 'note' | 'text'): void {
    if (this.refuseEdit()) return;
    const size = kind === 'note' ? { w: NOTE_SIZE, h: NOTE_SIZE } : KEYBOARD_TEXT_SIZE;
    const spot = pictureSpot(this, size);
    const at = kind === 'note' ? { x: spot.x + size.w / 2, y: spot.y + size.h / 2 } : spot;
    const context = { controller: this, actor: this.device };
    this.select([placeWriting(context, kind, at)]);
  }

  /**
   * Puts a picture on the board centred on a screen point (default: the middle of the
   * screen), no bigger than half the screen, and selects it so it can be moved and sized.
   */
  addImage(asset: ImageAsset, at?: Point, actorId?: string): string | null {
    const actor = this.actor(actorId);
    if (this.refuseEdit(actor)) return null;
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
}
