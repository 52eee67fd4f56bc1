import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { boxToRect, readPdf, rectsApart } from '@roundtable/shared/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { openDevice } from '../harness/browser';
import { librarianApi, pixelsOfColour, solidPng } from '../harness/librarian-api';
import { liveServer } from '../harness/live';

const PIN = '2468';
const live = liveServer({ LIBRARIAN_PIN: PIN });

/** Where this file keeps its screenshots and downloads (git-ignored). */
const RESULTS = fileURLToPath(new URL('../test-results', import.meta.url));
async function shot(page: Page, name: string) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

const MAGENTA = [255, 0, 255] as const;
/** How many magenta pixels an element shows on screen now. */
const magentaIn = async (page: Page, selector: string) =>
  pixelsOfColour(page, await page.locator(selector).first().screenshot(), MAGENTA);

type Call = Awaited<ReturnType<typeof librarianApi>>;
type Run = { id: string; groups: { name: string; boardId: string }[] };

/** A routine for `groups`, as the librarian starts it from the home page. */
const startRun = (api: Call, templateId: string, groups: string[]) =>
  api<Run>('POST', '/api/routines', { templateId, groups });
const phaseStep = (api: Call, run: Run, action: string) =>
  api('POST', `/api/routines/${run.id}/phase`, { action });

/** A browser context where the librarian is signed in (cookies set by the API). */
async function librarianDevice(url: string) {
  const device = await openDevice(live.browser, 'table', 'about:blank', {
    prepare: async (context) => {
      const response = await context.request.post(`${url}/api/librarian/sign-in`, {
        data: { pin: PIN },
      });
      if (!response.ok()) throw new Error(`sign-in: HTTP ${response.status()}`);
    },
  });
  live.track({ dispose: () => device.context.close() });
  return device;
}

describe('exhibits show everything', () => {
  it('a picture on an exhibit shows in the gallery, the slideshow, the SVG from disk and the PDF', async () => {
    const url = live.server.url;
    const api = await librarianApi(url, PIN);
    const { boardId } = await api<{ boardId: string }>('POST', '/api/boards', {
      title: 'Our model',
    });
    const table = await BoardPage.open(live.browser, 'table', url, boardId);
    live.track(table);
    await table.page.locator('[data-testid="image-input"]').setInputFiles({
      name: 'magenta.png',
      mimeType: 'image/png',
      buffer: await solidPng(table.page, '#ff00ff'),
    });
    await expect
      .poll(async () => (await table.elements()).filter((e) => e.type === 'image').length)
      .toBe(1);
    await table.tool('note');
    await table.page.mouse.click(1500, 300);
    await table.page.keyboard.type('A robot that reads every book in the library overnight');
    await table.page.keyboard.press('Escape');
    await expect
      .poll(async () => (await table.elements()).find((e) => e.type === 'note')?.text)
      .toMatch(/overnight$/);
    await api('POST', '/api/exhibits', {
      boardId,
      title: 'Our model',
      group: 'Group A',
      participants: ['Fox', 'Owl'],
    });

    // The gallery's thumbnail shows the picture's own pixels.
    const visitor = await openDevice(live.browser, 'table', `${url}/exhibits`);
    live.track({ dispose: () => visitor.context.close() });
    const thumbnail = '.exhibit-card img';
    await visitor.page.waitForFunction(
      (s) => (document.querySelector(s) as HTMLImageElement | null)?.naturalWidth,
      thumbnail,
    );
    await expect.poll(() => magentaIn(visitor.page, thumbnail)).toBeGreaterThan(100);
    expect(await visitor.page.title()).toBe('Exhibits · Roundtable');
    await shot(visitor.page, 'gallery');

    // A filter that leaves nothing says so, and offers the way back.
    await visitor.page.getByLabel('Since').fill('2999-01-01');
    await visitor.page.getByText(/No exhibits since/).waitFor();
    await visitor.page.getByRole('button', { name: 'Show them all' }).click();
    await visitor.page.locator(thumbnail).waitFor();

    // The slideshow on the big screen.
    await visitor.page.goto(`${url}/exhibits/show`);
    await expect.poll(() => magentaIn(visitor.page, '.slide img')).toBeGreaterThan(1000);
    await expect
      .poll(async () => pixelsOfColour(visitor.page, await visitor.page.screenshot(), MAGENTA))
      .toBeGreaterThan(5000); // faded in
    await shot(visitor.page, 'slideshow');

    // The SVG as downloaded, opened from disk: the picture is inside the file.
    await visitor.page.goto(`${url}/exhibits`);
    await visitor.page.locator('.exhibit-card').click();
    await visitor.page.locator('.exhibit-info h1').waitFor();
    expect(await visitor.page.title()).toBe('Our model · Roundtable');
    const svgDownload = visitor.page.waitForEvent('download');
    await visitor.page.getByRole('link', { name: 'Download SVG' }).click();
    const svgPath = join(RESULTS, 'exhibit.svg');
    mkdirSync(RESULTS, { recursive: true });
    copyFileSync((await (await svgDownload).path())!, svgPath);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg).not.toContain('/api/assets');
    expect(svg).toContain('href="data:image/');
    const disk = await live.browser.newPage({ viewport: { width: 1600, height: 900 } });
    live.track({ dispose: () => disk.close() });
    await disk.goto(pathToFileURL(svgPath).href);
    await expect
      // Counted on an HTML page: the SVG document itself has no <canvas> to decode with.
      .poll(async () => pixelsOfColour(visitor.page, await disk.screenshot(), MAGENTA))
      .toBeGreaterThan(1000);
    await shot(disk, 'exhibit-svg-from-disk');

    // The PDF: a printable page with the facts and the note as text.
    const pdfDownload = visitor.page.waitForEvent('download');
    await visitor.page.getByRole('button', { name: 'Download PDF' }).click();
    const pdfBytes = readFileSync((await (await pdfDownload).path())!);
    writeFileSync(join(RESULTS, 'exhibit.pdf'), pdfBytes);
    const pdf = await readPdf(pdfBytes);
    expect(pdf.title).toBe('Our model');
    expect(pdf.pages).toHaveLength(1);
    const [page] = pdf.pages;
    // Letter, as this browser's locale (en-US) prints; turned to suit the board.
    expect([page!.width, page!.height].sort()).toEqual([612, 792]);
    expect(page!.text[0]).toBe('Our model');
    expect(page!.text[1]).toMatch(/^Group A · /);
    expect(page!.text[2]).toBe('Made by Fox, Owl');
    expect(page!.text.slice(3).join(' ')).toBe(
      'A robot that reads every book in the library overnight',
    );
    expect(pdfBytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('a whole group run prints as one PDF, a page per group', async () => {
    const url = live.server.url;
    const api = await librarianApi(url, PIN);
    const run = await startRun(api, 'question-poster', ['Foxes', 'Owls', 'Bears']);
    const { page } = await librarianDevice(url);
    await page.goto(`${url}/routines/${run.id}`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF of all groups' }).click();
    const bytes = readFileSync((await (await downloading).path())!);
    writeFileSync(join(RESULTS, 'group-run.pdf'), bytes);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toHaveLength(3);
    expect(pdf.pages.map((p) => p.text[1]?.split(' · ')[0])).toEqual(['Foxes', 'Owls', 'Bears']);
    for (const p of pdf.pages) {
      expect([p.width, p.height].sort()).toEqual([612, 792]);
      expect(p.text).toContain('My preferred social media platform is…');
    }
  });
});

describe('polls count right', () => {
  it('a zoomed-out tablet adds notes and keeps every dot; only the dot button votes, in Vote', async () => {
    const url = live.server.url;
    const api = await librarianApi(url, PIN);
    const run = await startRun(api, 'question-poster', ['Group A']);
    const boardId = run.groups[0]!.boardId;
    const tablet = await BoardPage.open(live.browser, 'tablet', url, boardId, { name: 'Leo' });
    live.track(tablet);
    // Zoomed out as a tablet opens a big poster: 19 %.
    await tablet.page.evaluate(() => {
      const { controller } = (
        window as unknown as {
          roundtable: { controller: { setCamera(c: object): void } };
        }
      ).roundtable;
      controller.setCamera({ x: -2600, y: -2000, zoom: 0.19 });
    });
    const addNote = async (x: number, y: number, text: string) => {
      await tablet.tool('note');
      await tablet.page.touchscreen.tap(x, y);
      await tablet.page.keyboard.type(text);
      await tablet.page.keyboard.press('Escape');
      await expect
        .poll(async () => (await tablet.elements()).some((e) => e.text === text))
        .toBe(true);
    };
    const votes = () =>
      tablet.page.evaluate(
        () =>
          (
            window as unknown as {
              roundtable: { controller: { board: { votes: Map<string, unknown> } } };
            }
          ).roundtable.controller.board.votes.size,
      );

    // Answering: no dots to spend, none spent.
    await addNote(400, 420, 'TikTok');
    expect(await tablet.page.locator('.vote-dot').count()).toBe(0);
    expect(await votes()).toBe(0);

    // Voting: every note has its dot, beside it, never over its text.
    await phaseStep(api, run, 'next');
    await tablet.page.locator('.vote-dot').first().waitFor();
    await addNote(560, 420, 'YouTube');
    await expect.poll(() => tablet.page.locator('.vote-dot').count()).toBe(2);
    expect(await tablet.page.getByLabel('Dots left').textContent()).toBe('3 of 3 dots left');
    expect(await votes()).toBe(0);
    for (const note of (await tablet.elements()).filter((e) => e.type === 'note')) {
      const dot = (await tablet.page
        .locator(`.vote-dot[data-note-id="${note.id}"]`)
        .boundingBox())!;
      const rect = await tablet.page.evaluate((id) => {
        const { controller } = (
          window as unknown as {
            roundtable: {
              controller: {
                camera: { x: number; y: number; zoom: number };
                board: { elements: Map<string, { x: number; y: number; w: number; h: number }> };
              };
            };
          }
        ).roundtable;
        const n = controller.board.elements.get(id)!;
        const { x, y, zoom } = controller.camera;
        return { left: (n.x - x) * zoom, top: (n.y - y) * zoom, w: n.w * zoom, h: n.h * zoom };
      }, note.id);
      const noteRect = { x: rect.left, y: rect.top, w: rect.w, h: rect.h };
      expect(rectsApart(boxToRect(dot), noteRect)).toBe(true);
    }
    await shot(tablet.page, 'poster-zoomed-out');

    // The dot button itself votes.
    const dot = tablet.page.locator('.vote-dot').first();
    const box = (await dot.boundingBox())!;
    await tablet.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => dot.getAttribute('data-votes')).toBe('1');
    expect(await tablet.page.getByLabel('Dots left').textContent()).toBe('2 of 3 dots left');

    // Talking it over: the dots stay, no more are placed.
    await phaseStep(api, run, 'next');
    await expect.poll(() => tablet.page.locator('.vote-dot').count()).toBe(0);
    expect(await votes()).toBe(1);
  });
});

describe('a table that never interrupts a lesson', () => {
  it('no slideshow while a routine runs and a tablet draws; it comes on a truly idle board', async () => {
    const url = live.server.url;
    const api = await librarianApi(url, PIN);
    const run = await startRun(api, 'think-pair-share', ['Group A']);
    const boardId = run.groups[0]!.boardId;
    await phaseStep(api, run, 'start');
    // Three seconds of nothing would be enough to show the exhibits here. The table's clock
    // is Playwright's: it flows as usual, and the test moves it on past the idle time.
    const table = await openDevice(
      live.browser,
      'table',
      `${url}/b/${boardId}?layout=table&attract=0.05`,
      { prepare: (context) => context.clock.install() },
    );
    live.track({ dispose: () => table.context.close() });
    await table.page.locator('.status[data-status="connected"]').waitFor();
    await table.page.evaluate(() => {
      const seen = window as unknown as { slideshowSeen: boolean };
      seen.slideshowSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="slideshow"]')) seen.slideshowSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const slideshowSeen = () =>
      table.page.evaluate(() => (window as unknown as { slideshowSeen: boolean }).slideshowSeen);
    /** Frames after the clock moved on: whatever it set off has been drawn. */
    const nextFrames = (count: number) =>
      table.page.evaluate(async (count) => {
        for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
      }, count);

    // The clock runs and a tablet draws now and then, for well over the idle time.
    const tablet = await BoardPage.open(live.browser, 'tablet', url, boardId, { name: 'Mia' });
    live.track(tablet);
    // Eight seconds on the table's clock, well over the idle time (awareness lasts 30 s).
    for (let i = 0; i < 4; i++) {
      await tablet.drag([
        [200 + (i % 6) * 100, 300],
        [260 + (i % 6) * 100, 420],
      ]);
      await table.page.clock.runFor(2_000);
    }
    await nextFrames(2);
    expect(await slideshowSeen()).toBe(false);

    // The tablet stays but stops drawing; the clock is paused: still a lesson going on.
    await phaseStep(api, run, 'pause');
    await table.page.clock.runFor(6_000);
    await nextFrames(2);
    expect(await slideshowSeen()).toBe(false);

    // Everyone has gone and the routine is over: now the table shows the exhibits.
    await tablet.dispose();
    await phaseStep(api, run, 'end');
    await table.page.getByTestId('slideshow').waitFor({ timeout: 15_000 });
    // A touch gives the board back.
    await table.page.mouse.click(600, 400);
    await table.page.getByTestId('slideshow').waitFor({ state: 'detached' });
  });
});

describe('boards have names', () => {
  it('the header and the tab show the board’s title, and follow a rename; the librarian can go back', async () => {
    const url = live.server.url;
    const api = await librarianApi(url, PIN);
    const { boardId } = await api<{ boardId: string }>('POST', '/api/boards', {
      title: 'Seasons',
    });
    const { page } = await librarianDevice(url);
    await page.goto(`${url}/b/${boardId}?layout=table`);
    await expect.poll(() => page.getByTestId('board-name').textContent()).toBe('Seasons');
    expect(await page.title()).toBe('Seasons · Roundtable');
    await api('PATCH', `/api/boards/${boardId}`, { title: 'Why do we have seasons?' });
    await expect
      .poll(() => page.getByTestId('board-name').textContent())
      .toBe('Why do we have seasons?');
    expect(await page.title()).toBe('Why do we have seasons? · Roundtable');
    await page.getByRole('link', { name: '‹ Boards' }).click();
    await page.waitForURL(`${url}/`);
  });
});

describe('delete that says what it did', () => {
  it('closes a board on its tablet with a message, shows it in the trash, and Undo brings it back', async () => {
    const url = live.server.url;
    const api = await librarianApi(url, PIN);
    const { boardId } = await api<{ boardId: string }>('POST', '/api/boards', {
      title: 'Old poster',
    });
    const tablet = await BoardPage.open(live.browser, 'tablet', url, boardId, { name: 'Ada' });
    live.track(tablet);
    const { page } = await librarianDevice(url);
    await page.goto(`${url}/`);
    const card = page.locator(`.board-card[data-board="${boardId}"]`);
    await expect
      .poll(() => card.locator('.exhibit-card-meta').textContent())
      .toMatch(/1 device on it/);
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Close and delete' }).click();

    // The tablet is told, and the librarian sees what happened, whatever is scrolled.
    await tablet.page.getByRole('alertdialog', { name: 'Board closed' }).waitFor();
    expect(await tablet.page.getByRole('alertdialog').textContent()).toMatch(
      /The librarian has closed this board/,
    );
    const toast = page.getByRole('status').filter({ hasText: 'Moved “Old poster” to the trash.' });
    await toast.waitFor();
    await card.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Trash' })
      .getByText(/Old poster/)
      .waitFor();

    await toast.getByRole('button', { name: 'Undo' }).click();
    await card.waitFor();
    expect(await card.locator('.exhibit-card-title').textContent()).toBe('Old poster');
    await page.getByRole('region', { name: 'Trash' }).waitFor({ state: 'detached' });
  });
});

describe('routines the librarian sets', () => {
  it('phase lengths and dots are set when starting; the overview goes back a phase and ends', async () => {
    const url = live.server.url;
    const { page } = await librarianDevice(url);
    await page.goto(`${url}/`);
    const form = page.getByRole('region', { name: 'Routine for groups' });
    await form.getByLabel('Routine', { exact: true }).selectOption('question-poster');
    await form.getByLabel('Answer minutes').fill('4');
    await form.getByLabel('Dots each').fill('5');
    await form.getByRole('button', { name: 'Start for 2 groups' }).click();
    await page.waitForURL(/\/routines\/[A-Za-z0-9_-]+$/);
    const card = page.locator('.group-card').first();
    await expect.poll(() => card.locator('.group-phase').textContent()).toBe('Answer4:00');

    const tablet = await BoardPage.open(
      live.browser,
      'tablet',
      url,
      (await card.getAttribute('data-board-id'))!,
      { name: 'Sam' },
    );
    live.track(tablet);
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect
      .poll(() => tablet.page.getByLabel('Dots left').textContent())
      .toBe('5 of 5 dots left');
    await page.getByRole('button', { name: 'Previous phase' }).click();
    await expect.poll(() => card.locator('.group-phase').textContent()).toBe('Answer4:00');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'End for all' }).click();
    await expect.poll(() => card.locator('.group-phase').textContent()).toBe('No routine running');
  });
});
