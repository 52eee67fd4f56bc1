import { type Camera, type PictureElements, sameState } from '@roundtable/shared';
import type { RasterPicture } from './picture';
import {
  type PictureInfo,
  pictureKey,
  type RasterReply,
  type RasterRequest,
} from './raster-protocol';

/** The scene as drawn right now, exactly (SceneRenderer.capture). */
export interface SceneCapture {
  canvas: HTMLCanvasElement;
  camera: Camera;
  stateVector: Uint8Array;
  elements: PictureElements;
  fullMs: number;
}

/** A board opening waits no longer than this for its picture before drawing without one. */
const LOAD_TIMEOUT_MS = 1_500;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: RasterReply) => void>();

function ask(request: RasterRequest, transfer: Transferable[] = []): Promise<RasterReply> {
  worker ??= new Worker(new URL('./raster-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<RasterReply>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  return new Promise((resolve) => {
    waiting.set(request.id, resolve);
    worker!.postMessage(request, transfer);
  });
}

/**
 * This device's pictures of boards it has shown (IndexedDB, through a worker that encodes
 * and decodes them off the main thread), one per board and screen size: written after the
 * scene is drawn and settled, read when the board opens again so its first paint is that
 * picture (SceneRenderer repaints what changed since).
 */
export class RasterCache {
  /** State vector of the last picture saved (or being saved), to skip saving it again. */
  private saved: Uint8Array | null = null;
  private savedDone = false;

  static supported(): boolean {
    return (
      typeof Worker === 'function' &&
      typeof OffscreenCanvas === 'function' &&
      typeof indexedDB !== 'undefined' &&
      typeof createImageBitmap === 'function'
    );
  }

  constructor(
    private readonly boardId: string,
    private readonly size: { width: number; height: number },
  ) {}

  private get key(): string {
    return pictureKey(this.boardId, this.size.width, this.size.height);
  }

  /** The picture of this board on this screen, if this device has one (null soon if not). */
  load(): Promise<RasterPicture | null> {
    const found = ask({ type: 'load', id: nextId++, key: this.key }).then((reply) => {
      if (reply.type !== 'loaded' || !reply.info || !reply.image) return null;
      this.saved = reply.info.stateVector;
      this.savedDone = true;
      return { ...reply.info, image: reply.image, source: 'cache' as const, shown: null };
    });
    const late = new Promise<null>((resolve) => setTimeout(resolve, LOAD_TIMEOUT_MS, null));
    return Promise.race([found, late]).catch(() => null);
  }

  /** Keeps the scene as captured (unless the same state is kept already). */
  async save(capture: SceneCapture): Promise<void> {
    if (sameState(this.saved, capture.stateVector)) return;
    this.saved = capture.stateVector;
    this.savedDone = false;
    // Copies the pixels now (the canvas will change); the worker encodes them.
    const image = await createImageBitmap(capture.canvas);
    const info: PictureInfo = {
      key: this.key,
      camera: capture.camera,
      width: capture.canvas.width,
      height: capture.canvas.height,
      stateVector: capture.stateVector,
      elements: capture.elements,
      fullMs: capture.fullMs,
    };
    const reply = await ask({ type: 'save', id: nextId++, info, image }, [image]);
    if (sameState(this.saved, capture.stateVector))
      this.savedDone = reply.type === 'saved' && reply.ok;
  }

  /** Whether the picture kept is of the board in this state (tests and the bench ask). */
  holds(stateVector: Uint8Array): boolean {
    return this.savedDone && sameState(this.saved, stateVector);
  }
}
