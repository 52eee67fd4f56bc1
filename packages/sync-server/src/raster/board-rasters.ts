import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { type PictureView, pictureViewKey, sameState } from '@roundtable/shared';
import { log } from '../log';
import type { OpenedState } from '../rooms/room';

/** A board's picture for one view (BOARD_PICTURE_TYPE), and the state it shows. */
export interface BoardRaster {
  pixels: Uint8Array;
  stateVector: Uint8Array;
  etag: string;
}

/**
 * Pictures kept (boards × views), raw, up to this many bytes (a 4K view is 33 MB, a
 * 1080p one 8 MB); the least recently used go first. Kept gzipped they were a quarter of
 * that, but inflating one as it was sent added ~100 ms to a table's first paint.
 */
const KEEP_BYTES = 160 * 1024 * 1024;
/** Views of one board re-rendered when it changes (the most recently asked for). */
const VIEWS_PER_BOARD = 4;

/**
 * The render thread: in the build, the bundle beside dist/main.js (build.mjs); under tsx
 * (tests, benchmarks) the TypeScript beside this file, with tsx registered in the thread
 * first (a worker does not inherit `--import tsx`).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./raster-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./raster-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`,
    { eval: true },
  );
}

/**
 * Server-rendered pictures of boards for devices opening one for the first time (they paint
 * it at once, then their own vector draw takes over). Rendered on a worker thread, off the
 * relay's event loop: when a device asks for a view not yet rendered at the board's state,
 * and again, for the views devices asked for, whenever the board is compacted (it has
 * rested), so the next device finds it ready.
 */
export class BoardRasters {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly jobs = new Map<
    number,
    (reply: { pixels?: Uint8Array; error?: string }) => void
  >();
  private readonly pictures = new Map<string, BoardRaster>();
  private readonly rendering = new Map<string, Promise<BoardRaster>>();
  private readonly views = new Map<string, PictureView[]>();

  constructor(private readonly stateOf: (boardId: string) => Promise<OpenedState>) {}

  /** The board's picture for `view` at its current state (rendered now if need be). */
  async get(boardId: string, view: PictureView): Promise<BoardRaster> {
    this.remember(boardId, view);
    const state = await this.stateOf(boardId);
    return this.render(boardId, view, state);
  }

  /** The board changed and rested (compacted): render the views devices ask for again. */
  refresh(boardId: string, state: OpenedState): void {
    for (const view of this.views.get(boardId) ?? []) {
      this.render(boardId, view, state).catch((error: Error) =>
        log('raster_failed', { board: boardId, message: error.message }),
      );
    }
  }

  /** The board is gone: forget its pictures. */
  forget(boardId: string): void {
    this.views.delete(boardId);
    for (const key of this.pictures.keys())
      if (key.startsWith(`${boardId}|`)) this.pictures.delete(key);
  }

  private remember(boardId: string, view: PictureView): void {
    const key = pictureViewKey(view);
    const views = (this.views.get(boardId) ?? []).filter((v) => pictureViewKey(v) !== key);
    this.views.set(boardId, [view, ...views].slice(0, VIEWS_PER_BOARD));
  }

  private render(
    boardId: string,
    view: PictureView,
    { state, stateVector }: OpenedState,
  ): Promise<BoardRaster> {
    const key = `${boardId}|${pictureViewKey(view)}`;
    const kept = this.pictures.get(key);
    if (kept && sameState(kept.stateVector, stateVector)) {
      this.pictures.delete(key);
      this.pictures.set(key, kept);
      return Promise.resolve(kept);
    }
    const jobKey = `${key}|${Buffer.from(stateVector).toString('base64')}`;
    const pending = this.rendering.get(jobKey);
    if (pending) return pending;
    const job = this.run(state, view).then((pixels) => {
      const etag = `"${createHash('sha256').update(key).update(stateVector).digest('base64url').slice(0, 27)}"`;
      const picture = { pixels, stateVector, etag };
      this.pictures.delete(key);
      this.pictures.set(key, picture);
      this.evict();
      return picture;
    });
    this.rendering.set(jobKey, job);
    void job.finally(() => this.rendering.delete(jobKey)).catch(() => {});
    return job;
  }

  /** Lets the least recently used pictures go, down to KEEP_BYTES (the newest always stays). */
  private evict(): void {
    let bytes = 0;
    for (const picture of this.pictures.values()) bytes += picture.pixels.byteLength;
    for (const [key, picture] of this.pictures) {
      if (bytes <= KEEP_BYTES || this.pictures.size === 1) return;
      this.pictures.delete(key);
      bytes -= picture.pixels.byteLength;
    }
  }

  private run(state: Uint8Array, view: PictureView): Promise<Uint8Array> {
    if (!this.worker) {
      const worker = startWorker();
      worker.unref();
      worker.on('message', (reply: { id: number; pixels?: Uint8Array; error?: string }) => {
        this.jobs.get(reply.id)?.(reply);
        this.jobs.delete(reply.id);
      });
      worker.on('error', (error) => {
        for (const settle of this.jobs.values()) settle({ error: error.message });
        this.jobs.clear();
        this.worker = null;
      });
      this.worker = worker;
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, (reply) =>
        reply.pixels ? resolve(reply.pixels) : reject(new Error(reply.error ?? 'no picture')),
      );
      this.worker!.postMessage({ id, state, view });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
