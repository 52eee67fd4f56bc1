import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { type DeviceKind, openDevice, saveScreenshot } from '../harness/browser';
import { boardStartedByLibrarian, enrolledTable } from '../harness/librarian';
import { librarianApi } from '../harness/librarian-api';
import { liveServer } from '../harness/live';

const PIN = '2468';
const live = liveServer({ LIBRARIAN_PIN: PIN }, { checkConsole: true });

/** axe-core's browser bundle, injected into each page (@axe-core/playwright needs Node 22). */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core on the page as it is now; returns its serious and critical findings (and,
 * with `zoomAllowed`, a viewport that forbids zoom), one readable line per element
 * ("rule (impact): help — selector: what to fix").
 */
async function seriousFindings(page: Page, { zoomAllowed = false } = {}): Promise<string[]> {
  // Colours are judged as they end up: a slide fading in is not yet its own contrast.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (zoomAllowed) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter(
        (v) =>
          v.impact === 'serious' ||
          v.impact === 'critical' ||
          // axe rates a viewport that forbids zoom "moderate"; pages without drawing must allow it.
          (zoomAllowed && v.id === 'meta-viewport'),
      )
      .flatMap((v) =>
        v.nodes.map(
          (n) =>
            `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
        ),
      );
  }, zoomAllowed);
}

/** Signs the librarian in on a browser context (its cookie then goes with every page). */
async function signIn(context: BrowserContext) {
  const response = await context.request.post(`${live.server.url}/api/librarian/sign-in`, {
    data: { pin: PIN },
  });
  if (!response.ok()) throw new Error(`sign-in failed: HTTP ${response.status()}`);
}

/** Opens `path` on a device of its own, tracked for clean-up; `signedIn` as the librarian. */
async function openPage(
  path: string,
  {
    signedIn = false,
    kind = 'table' as DeviceKind,
  }: { signedIn?: boolean; kind?: DeviceKind } = {},
) {
  const device = await openDevice(live.browser, kind, `${live.server.url}${path}`, {
    prepare: signedIn ? signIn : undefined,
  });
  live.track({ dispose: () => device.context.close(), consoleErrors: device.consoleErrors });
  return device.page;
}

describe('axe finds nothing serious', () => {
  it('on the home page, signed out and signed in', async () => {
    const out = await openPage('/');
    await out.getByLabel('Librarian PIN').waitFor();
    expect(await seriousFindings(out, { zoomAllowed: true })).toEqual([]);

    await boardStartedByLibrarian(live.server.url, PIN, 'Seasons');
    const home = await openPage('/', { signedIn: true });
    await home.locator('.board-card').first().waitFor();
    expect(await seriousFindings(home, { zoomAllowed: true })).toEqual([]);
  });

  it('on the board, as the table with seats and as a tablet (at its name sheet and joined)', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Seasons');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId, {
      prepare: enrolledTable(live.server.url, PIN),
    });
    live.track(table);
    await table.setUpSeats(4);
    expect(await seriousFindings(table.page)).toEqual([]);

    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: null,
    });
    live.track(tablet);
    await tablet.page.getByRole('dialog', { name: 'Join the board' }).waitFor();
    expect(await seriousFindings(tablet.page)).toEqual([]);
    await tablet.join('Mia');
    expect(await seriousFindings(tablet.page)).toEqual([]);
  });

  it('on the join page, the gallery, an exhibit, the slideshow and a routine overview', async () => {
    const joinPage = await openPage('/join', { kind: 'tablet' });
    await joinPage.locator('input').first().waitFor();
    expect(await seriousFindings(joinPage, { zoomAllowed: true })).toEqual([]);

    const call = await librarianApi(live.server.url, PIN);
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Superheroes');
    const exhibit = await call<{ id: string }>('POST', '/api/exhibits', {
      boardId,
      title: 'Super Digital Superhero',
      group: 'Group A',
    });
    await call('POST', '/api/exhibits', { boardId, title: 'Second try' });

    const gallery = await openPage('/exhibits');
    await gallery.locator('.exhibit-card').first().waitFor();
    expect(await seriousFindings(gallery, { zoomAllowed: true })).toEqual([]);

    const page = await openPage(`/exhibits/${exhibit.id}`);
    await page.locator('.exhibit-info h1').waitFor();
    expect(await seriousFindings(page, { zoomAllowed: true })).toEqual([]);

    const show = await openPage('/exhibits/show');
    await show.locator('.slide img').waitFor();
    expect(await seriousFindings(show, { zoomAllowed: true })).toEqual([]);

    const run = await call<{ id: string }>('POST', '/api/routines', {
      templateId: 'question-poster',
      prompt: 'My preferred social media platform is…',
      groups: ['Group A', 'Owls'],
    });
    const overview = await openPage(`/routines/${run.id}`, { signedIn: true });
    await overview.locator('.group-card').nth(1).waitFor();
    expect(await seriousFindings(overview, { zoomAllowed: true })).toEqual([]);
  });
});

/** Where the screenshots a person looks at go (the table at 1920×1080). */
const SCREENS = '/work/notes/screens';
async function screen(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  // Animations run to their end first: a slide fading in would look washed out.
  await page.screenshot({ path: join(SCREENS, `${name}.png`), animations: 'disabled' });
  await saveScreenshot(page, `a11y-${name}`);
}

/** Whether keyboard focus is inside `selector`. */
const focusIn = (page: Page, selector: string) =>
  page.evaluate((selector) => !!document.activeElement?.closest(selector), selector);
/** The spoken name (or text) of what has keyboard focus. */
const focusedName = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
  );

/** Every named node in the page's accessibility tree, as Chromium gives it to screen readers. */
async function accessibilityTree(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value?: unknown }; name?: { value?: unknown } }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.name?.value)
    .map((n) => ({ role: String(n.role?.value), name: String(n.name!.value) }));
}

/** The board's accessible list of notes and text, in the tree's (reading) order. */
const listedNotes = async (page: Page) =>
  (await accessibilityTree(page))
    .filter((n) => n.role === 'button' && /^(Note|Text) by /.test(n.name))
    .map((n) => n.name);

/** Whether the tree holds these words (a live region's, once announced). */
// A new note is read out once its author has stopped typing for a moment.
const ANNOUNCED = { timeout: 5_000 };
const treeSays = async (page: Page, words: string) =>
  (await accessibilityTree(page)).some((n) => n.name === words);

describe('dialogs, the slideshow and focus', () => {
  it('the tablet’s name sheet keeps Tab inside; a table panel opened by keyboard gives focus back', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Dialogs');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: null,
    });
    live.track(tablet);
    const sheet = tablet.page.getByRole('dialog', { name: 'Join the board' });
    await sheet.waitFor();
    expect(await sheet.getAttribute('aria-modal')).toBe('true');
    expect(await focusIn(tablet.page, '[role="dialog"]')).toBe(true);
    // Round and round: Tab never reaches the toolbar behind the sheet.
    for (let i = 0; i < 16; i++) {
      await tablet.page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await focusIn(tablet.page, '[role="dialog"]')).toBe(true);
    }
    // Colours are named in words.
    await sheet.getByRole('button', { name: 'Purple' }).focus();
    await screen(tablet.page, 'tablet-name-sheet');

    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId, {
      prepare: enrolledTable(live.server.url, PIN),
    });
    live.track(table);
    const seatsButton = table.page.getByRole('button', { name: 'Set up seats' });
    await seatsButton.focus();
    await table.page.keyboard.press('Enter');
    const panel = table.page.getByRole('dialog', { name: 'Seats at the table' });
    await panel.waitFor();
    expect(await focusIn(table.page, '[role="dialog"]')).toBe(true);
    await table.page.keyboard.press('Tab');
    await table.page.keyboard.press('Tab');
    await screen(table.page, 'table-seats-dialog-focus');
    expect(await seriousFindings(table.page)).toEqual([]);
    await table.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await focusedName(table.page)).toMatch(/^Set up seats/);
    // The ring is drawn round the button that has focus again.
    expect(await seatsButton.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe(
      'solid',
    );
    await screen(table.page, 'table-focus-ring');
  });

  it('the slideshow pauses, plays and steps, by its buttons and by keys', async () => {
    const call = await librarianApi(live.server.url, PIN);
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Slides');
    for (const title of ['First', 'Second', 'Third']) {
      await call('POST', '/api/exhibits', { boardId, title });
    }
    const show = await openPage('/exhibits/show');
    const controls = show.getByRole('group', { name: 'Slideshow' });
    const position = () => controls.locator('.slideshow-position').textContent();
    await expect.poll(position).toMatch(/^1 of \d+$/);
    const count = Number((await position())!.split(' of ')[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    await controls.getByRole('button', { name: 'Pause' }).click();
    await controls.getByRole('button', { name: 'Play' }).waitFor();
    await controls.getByRole('button', { name: 'Next' }).click();
    expect(await position()).toBe(`2 of ${count}`);
    await controls.getByRole('button', { name: 'Previous' }).click();
    await controls.getByRole('button', { name: 'Previous' }).click();
    expect(await position()).toBe(`${count} of ${count}`);
    await show.keyboard.press('ArrowRight');
    expect(await position()).toBe(`1 of ${count}`);
    // K plays it again.
    await show.keyboard.press('k');
    await controls.getByRole('button', { name: 'Pause' }).waitFor();
    await controls.getByRole('button', { name: 'Pause' }).focus();
    await screen(show, 'slideshow-controls');
  });
});

describe('a screen-reader pass and a keyboard-only pass', () => {
  it('a note a tablet adds is in the table’s accessible list, in reading order, and announced', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Social media');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId, {
      prepare: enrolledTable(live.server.url, PIN),
    });
    live.track(table);
    await table.setUpSeats(4);
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: 'Mia',
    });
    live.track(tablet);
    expect(await listedNotes(table.page)).toEqual([]);

    const write = async (x: number, y: number, text: string) => {
      await tablet.tool('note');
      await tablet.page.mouse.click(x, y);
      await tablet.page.keyboard.type(text);
      await tablet.page.mouse.click(980, 740);
    };
    await write(700, 520, 'TikTok');
    await expect.poll(() => listedNotes(table.page)).toEqual(['Note by Mia: TikTok']);
    await expect.poll(() => treeSays(table.page, 'Mia added a note: TikTok'), ANNOUNCED).toBe(true);
    expect(await table.page.getByTestId('board-announcer').getAttribute('aria-live')).toBe(
      'polite',
    );

    // A second note higher up reads first: top to bottom, then left to right.
    await write(300, 200, 'YouTube');
    await expect
      .poll(() => listedNotes(table.page))
      .toEqual(['Note by Mia: YouTube', 'Note by Mia: TikTok']);
    await expect
      .poll(() => treeSays(table.page, 'Mia added a note: YouTube'), ANNOUNCED)
      .toBe(true);

    // The list is the keyboard's first stop: it shows itself, and an entry selects its note,
    // which the arrows then move.
    await table.page.keyboard.press('Tab');
    expect(await focusedName(table.page)).toBe('Note by Mia: YouTube');
    await table.page.keyboard.press('Tab');
    await table.page.keyboard.press('Enter');
    const selected = await table.page.evaluate(
      () =>
        (window as unknown as { roundtable: { controller: { selection: Set<string> } } }).roundtable
          .controller.selection.size,
    );
    expect(selected).toBe(1);
    const noteAt = async (page: Page, text: string) =>
      (await page.evaluate(
        (text) =>
          (
            window as unknown as {
              roundtable: { elements(): { text?: string; x: number; y: number }[] };
            }
          ).roundtable
            .elements()
            .find((e) => e.text === text),
        text,
      ))!;
    const before = await noteAt(tablet.page, 'TikTok');
    const { zoom } = await table.camera();
    await table.page.keyboard.press('Shift+ArrowLeft');
    await expect
      .poll(async () => (await noteAt(tablet.page, 'TikTok')).x)
      .toBeCloseTo(before.x - 50 / zoom);
    await screen(table.page, 'table-text-list');
    expect(await seriousFindings(table.page)).toEqual([]);
  });

  it('a keyboard-only student adds a note and moves it; without the pencil the keys do nothing', async () => {
    const boardId = await boardStartedByLibrarian(live.server.url, PIN, 'Keyboard');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: 'Leo',
    });
    live.track(tablet);
    const keys = tablet.page.keyboard;
    await keys.press('n');
    await tablet.page.getByRole('textbox').waitFor();
    await keys.type('Keys only');
    await keys.press('Escape');
    const [placed] = await tablet.elements();
    expect(placed).toMatchObject({ type: 'note', text: 'Keys only' });
    const at = async () => {
      const all = (await tablet.page.evaluate(() =>
        (
          window as unknown as { roundtable: { elements(): { x: number; y: number }[] } }
        ).roundtable.elements(),
      )) as { x: number; y: number }[];
      return { x: all[0]!.x, y: all[0]!.y };
    };
    const before = await at();
    const { zoom } = await tablet.camera();
    await keys.press('ArrowRight');
    await keys.press('ArrowRight');
    await keys.press('Shift+ArrowDown');
    await expect.poll(at).toEqual({ x: before.x + 20 / zoom, y: before.y + 50 / zoom });
    await keys.press('t');
    await keys.type('A line of text');
    await keys.press('Escape');
    await expect
      .poll(async () => (await tablet.elements()).map((e) => `${e.type}:${e.text}`))
      .toEqual(['note:Keys only', 'text:A line of text']);
    await screen(tablet.page, 'tablet-keyboard-note');

    // The talking pencil still rules: with it at a seat of the table, N adds nothing and says why.
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId, {
      prepare: enrolledTable(live.server.url, PIN),
    });
    live.track(table);
    await table.setUpSeats(2);
    const call = await librarianApi(live.server.url, PIN);
    await call('PATCH', `/api/boards/${boardId}`, { pencil: 'pencil' });
    await tablet.page.getByRole('region', { name: 'Talking pencil' }).waitFor();
    await keys.press('n');
    await expect.poll(() => tablet.page.getByTestId('notice').textContent()).toMatch(/pencil/);
    expect(await tablet.elements()).toHaveLength(2);
  });
});
