import type { Camera } from '@roundtable/shared';
import * as Y from 'yjs';
import { takeStartPicture } from '../../sync/prefetch';
import { whenIdle } from '../../when-idle';
import type { SceneRenderer } from '../scene-renderer';
import { pictureOf, type RasterPicture, releasePicture } from './picture';
import { RasterCache } from './raster-cache';
import { serverPicture } from './server-picture';

/** The scene must rest this long after a draw before its picture is kept. */
const SETTLE_MS = 1_000;
/** …and the board's content wait no longer than this before the scene draws without it. */
const LOADED_TIMEOUT_MS = 4_000;
/** Once the content is there, a picture still on its way is waited for this long at most. */
const PICTURE_AFTER_LOADED_MS = 400;

const after = (ms: number) => new Promise<null>((resolve) => setTimeout(resolve, ms, null));

/** The keeper of the board on screen (the test hook and the bench ask it). */
let current: RasterKeeper | null = null;

/**
 * Gives a board's scene its start picture from this device's cache, and keeps the scene's
 * picture in that cache once it has been drawn and has settled (when the page is idle).
 */
export class RasterKeeper {
  private readonly cache: RasterCache;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cancelIdle: () => void = () => {};
  private scene: SceneRenderer | null = null;

  constructor(
    private readonly boardId: string,
    private readonly size: { width: number; height: number },
    private readonly pixelRatio: number,
    private readonly doc: Y.Doc,
    private readonly loaded: Promise<unknown>,
    /** The camera the scene opens with (the server's picture is asked for it). */
    private readonly camera: () => Camera,
    /**
     * Whether to ask the server: only where the board opens at the camera it starts with
     * (the table); a tablet fits its view to the content once it has arrived.
     */
    private readonly askServer: boolean,
  ) {
    this.cache = new RasterCache(boardId, size);
    current = this;
  }

  static supported = RasterCache.supported;

  /**
   * What the scene waits for before its first paint: the picture the page's head script
   * found (and showed, if it was of the state the server holds); else this device's picture
   * of the board, else the server's (a first visit); and the board's content.
   */
  start(): { picture: Promise<RasterPicture | null>; loaded: Promise<unknown> } {
    const loaded = Promise.race([this.loaded, after(LOADED_TIMEOUT_MS)]);
    const camera = this.camera();
    const picture =
      takeStartPicture(this.boardId) ??
      this.cache.load().then(
        (own) =>
          own ??
          (this.askServer
            ? serverPicture(this.boardId, camera, this.size, this.pixelRatio)
                .then((found) => found && pictureOf(found))
                .catch(() => null)
            : null),
      );
    const late = loaded.then(() => after(PICTURE_AFTER_LOADED_MS));
    const chosen = Promise.race([picture, late]);
    // A picture that comes after the scene stopped waiting is let go (off the page, if shown).
    void Promise.all([picture, chosen]).then(([came, used]) => {
      if (came && came !== used) releasePicture(came);
    });
    return { picture: chosen, loaded };
  }

  attach(scene: SceneRenderer): void {
    this.scene = scene;
  }

  /** The scene drew: keep its picture once it has rested. */
  drew(): void {
    clearTimeout(this.timer);
    this.cancelIdle();
    this.timer = setTimeout(() => {
      this.cancelIdle = whenIdle(() => {
        const capture = this.scene?.capture();
        if (capture) void this.cache.save(capture);
        else this.drew();
      });
    }, SETTLE_MS);
  }

  /** Whether this device keeps a picture of the board as it is now. */
  holdsCurrent(): boolean {
    return this.cache.holds(Y.encodeStateVector(this.doc));
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.cancelIdle();
    if (current === this) current = null;
  }
}

/** Whether the board on screen has its picture, as it is now, in this device's cache. */
export const rasterCachedNow = (): boolean => current?.holdsCurrent() ?? false;
