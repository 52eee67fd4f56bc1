import type { RoundtableTestHook, SceneDrawStats } from '@roundtable/shared/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type DeviceKind, openDevice } from './browser';

/** What a test may read of the board: the records, via the page's `window.roundtable`. */
export interface ElementSummary {
  id: string;
  type: string;
  authorId: string;
  text?: string;
}

/**
 * The page's `window.roundtable` (the test build's hook; one typed API with the board's
 * src/test-hook), with as much of the controller as these helpers read.
 */
export type HookWindow = {
  roundtable: RoundtableTestHook<{ camera: { x: number; y: number; zoom: number } }>;
};

/**
 * A device that skips its own check (a stale or modified client): it copies the board's
 * first element under `id` straight into its document, for the server to refuse.
 */
export function writeBehindOwnCheck(page: Page, id: string): Promise<void> {
  return page.evaluate((id) => {
    const { controller } = (
      window as unknown as {
        roundtable: { controller: { board: { elements: Map<string, { id: string }> } } };
      }
    ).roundtable;
    const [first] = [...controller.board.elements.values()];
    controller.board.elements.set(id, { ...first!, id });
  }, id);
}

/** Page object for one device showing a board (the table or a tablet). */
/** The scene layer's canvas: the first of the board's Konva canvases. */
const SCENE_CANVAS = '.board-canvas canvas';
/** The live layer's canvas: ink in progress, name tags, the selection. */
const LIVE_CANVAS = '.board-canvas canvas:nth-of-type(2)';

export class BoardPage {
  private constructor(
    readonly page: Page,
    readonly consoleErrors: string[],
    private readonly close: () => Promise<void>,
  ) {}

  /** Opens the board on a new device; a tablet joins as `name` (pass null to stay at the join sheet). */
  static async open(
    browser: Browser,
    kind: DeviceKind,
    serverUrl: string,
    boardId: string,
    {
      name = 'Tablet' as string | null,
      prepare,
    }: {
      name?: string | null;
      /** Runs on the device's browser context before the board opens (see `enrolledTable`). */
      prepare?: (context: BrowserContext) => Promise<void>;
    } = {},
  ) {
    const { page, context, consoleErrors } = await openDevice(
      browser,
      kind,
      `${serverUrl}/b/${boardId}?layout=${kind}`,
      { prepare },
    );
    const board = new BoardPage(page, consoleErrors, () => context.close());
    await board.waitForStatus('connected');
    if (kind === 'tablet' && name !== null) await board.join(name);
    return board;
  }

  /** Fills in a tablet's join sheet. */
  async join(name: string) {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Join the board' }).click();
    await this.page.locator('.join-sheet').waitFor({ state: 'detached' });
  }

  /** The table sets up `count` seats from its ready layouts (Fox, Owl, …). */
  async setUpSeats(count: number) {
    await this.page.getByRole('button', { name: 'Set up seats' }).click();
    await this.page.getByRole('button', { name: String(count), exact: true }).click();
    await this.page.getByRole('button', { name: 'Done' }).click();
  }

  /**
   * The table switches the talking pencil on (only the holder draws): its panel stays open
   * unless `close`. Before any PIN, or signed in, the table may.
   */
  async pencilMode({ close = true } = {}) {
    await this.page.getByRole('button', { name: /Talking pencil/ }).click();
    await this.page.getByRole('button', { name: 'Only the pencil holder' }).click();
    if (close) await this.page.getByRole('button', { name: 'Close' }).click();
  }

  waitForStatus(status: 'connected' | 'offline' | 'connecting') {
    return this.page.locator(`.status[data-status="${status}"]`).waitFor();
  }

  elements(): Promise<ElementSummary[]> {
    return this.page.evaluate(() =>
      (window as unknown as HookWindow).roundtable.elements().map((element) => {
        const { id, type, authorId, text } = element as ElementSummary;
        return { id, type, authorId, text };
      }),
    );
  }

  /** Strokes others are drawing right now, as this device sees them. */
  remoteLiveInk(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as HookWindow).roundtable.remoteLiveInk!());
  }

  camera(): Promise<{ x: number; y: number; zoom: number }> {
    return this.page.evaluate(
      () => (window as unknown as HookWindow).roundtable.controller!.camera,
    );
  }

  /** How often the scene was drawn whole, repainted in parts, and added to. */
  sceneStats(): Promise<SceneDrawStats> {
    return this.page.evaluate(() => (window as unknown as HookWindow).roundtable.sceneStats!()!);
  }

  /**
   * Resolves once no full draw of the scene has come for a quarter of a second: the table
   * may move its camera as a board arrives, and a picture it showed moved is drawn afresh
   * once the camera rests.
   */
  async sceneSettled(): Promise<void> {
    let fullDraws = -1;
    await expect
      .poll(async () => {
        const full = (await this.sceneStats())?.full ?? 0;
        const quiet = full > 0 && full === fullDraws;
        fullDraws = full;
        await this.nextFrames(15);
        return quiet;
      })
      .toBe(true);
  }

  /** Resolves after `count` animation frames of the page (what was pending is drawn). */
  nextFrames(count: number): Promise<void> {
    return this.page.evaluate(async (count) => {
      for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
    }, count);
  }

  /** Keeps a copy of the scene canvas's pixels in the page, for `sceneDifference`. */
  rememberScene(canvas = SCENE_CANVAS): Promise<void> {
    return this.page.evaluate((scene) => {
      const canvas = document.querySelector<HTMLCanvasElement>(scene)!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      (window as unknown as { rememberedScene: Uint8ClampedArray }).rememberedScene = data;
    }, canvas);
  }

  /**
   * How the scene's pixels differ from the remembered ones: how many differ at all, how
   * many by more than `tolerance` in some channel, and the largest difference.
   */
  sceneDifference(
    tolerance: number,
    canvas = SCENE_CANVAS,
  ): Promise<{ any: number; beyond: number; largest: number }> {
    return this.page.evaluate(
      ([scene, tolerance]) => {
        const canvas = document.querySelector<HTMLCanvasElement>(scene)!;
        const now = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        const then = (window as unknown as { rememberedScene: Uint8ClampedArray }).rememberedScene;
        let any = 0;
        let beyond = 0;
        let largest = 0;
        for (let i = 0; i < now.length; i += 4) {
          let delta = 0;
          for (let c = 0; c < 4; c++) delta = Math.max(delta, Math.abs(now[i + c]! - then[i + c]!));
          if (delta > 0) any++;
          if (delta > tolerance) beyond++;
          largest = Math.max(largest, delta);
        }
        return { any, beyond, largest };
      },
      [canvas, tolerance] as const,
    );
  }

  /**
   * Draws the whole scene afresh from vectors (a camera set anew draws it all) and says how
   * its pixels differ from what was on screen, by more than a shade: Skia anti-aliases
   * edges drawn inside a clip a little differently (~1,300 pixels differ, ~100 by more than
   * 24, the odd thin tip wholly), while a stroke left behind or missing differs over ~1,700
   * pixels, a note over ~24,000. Callers bound `beyond` (400) and `any` (5,000).
   */
  async vectorRedrawDifference(): Promise<{ any: number; beyond: number; largest: number }> {
    const before = await this.sceneStats();
    await this.rememberScene();
    await this.page.evaluate(() => {
      const { controller } = (
        window as unknown as {
          roundtable: { controller: { camera: object; setCamera(c: object): void } };
        }
      ).roundtable;
      controller.setCamera({ ...controller.camera });
    });
    await expect.poll(async () => (await this.sceneStats()).full).toBe(before.full + 1);
    await this.nextFrames(2);
    return this.sceneDifference(24);
  }

  /**
   * Draws the live layer afresh (the camera moved away and back clears and draws all of
   * it) and says how its pixels differ from what its frame-by-frame repaints had left.
   */
  async liveRedrawDifference(): Promise<{ any: number; beyond: number; largest: number }> {
    await this.nextFrames(2);
    await this.rememberScene(LIVE_CANVAS);
    const camera = await this.camera();
    const setCamera = (to: object) =>
      this.page.evaluate(
        (to) =>
          (
            window as unknown as { roundtable: { controller: { setCamera(c: object): void } } }
          ).roundtable.controller.setCamera(to),
        to,
      );
    await setCamera({ ...camera, x: camera.x + 40 });
    await this.nextFrames(2);
    await setCamera(camera);
    await this.nextFrames(2);
    return this.sceneDifference(24, LIVE_CANVAS);
  }

  /** Pixels with any paint on the live layer. */
  livePixels(): Promise<number> {
    return this.page.evaluate((selector) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector)!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
      return painted;
    }, LIVE_CANVAS);
  }

  /** Resolves once this device keeps a picture of the board as it is now (the scene rested). */
  async pictureKept(): Promise<void> {
    await expect
      .poll(
        () =>
          this.page.evaluate(() => (window as unknown as HookWindow).roundtable.rasterCached!()),
        { timeout: 20_000 },
      )
      .toBe(true);
  }

  /** The CSS transform on the scene's canvas: set while its last picture is shown moved. */
  sceneTransform(): Promise<string> {
    return this.page.evaluate(
      (scene) => document.querySelector<HTMLCanvasElement>(scene)?.style.transform ?? '',
      SCENE_CANVAS,
    );
  }

  /** Whether the scene's canvas holds ink at each of these canvas pixels. */
  sceneInked(points: readonly [number, number][]): Promise<boolean[]> {
    return this.page.evaluate(
      ([scene, points]) => {
        const ctx = document.querySelector<HTMLCanvasElement>(scene)!.getContext('2d')!;
        return points.map(([x, y]) => ctx.getImageData(x, y, 1, 1).data[3]! > 0);
      },
      [SCENE_CANVAS, points] as const,
    );
  }

  tool(name: string) {
    return this.page.locator(`[data-tool="${name}"]`).click();
  }

  button(label: string) {
    return this.page.getByRole('button', { name: label, exact: true }).click();
  }

  /** A mouse drag along straight segments through `points`. */
  async drag(points: readonly [number, number][]) {
    const [first, ...rest] = points;
    await this.page.mouse.move(...first!);
    await this.page.mouse.down();
    for (const p of rest) await this.page.mouse.move(p[0], p[1], { steps: 6 });
    await this.page.mouse.up();
  }

  dispose() {
    return this.close();
  }
}
