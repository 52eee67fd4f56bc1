import { mkdirSync, readFileSync } from 'node:fs';
import { readPdf } from '@roundtable/shared/testing';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardPage, type HookWindow, writeBehindOwnCheck } from '../harness/board-page';
import { DEVICES } from '../harness/browser';
import { boardStartedByLibrarian } from '../harness/librarian';
import { librarianApi } from '../harness/librarian-api';
import { liveServer } from '../harness/live';
import { drawStrokes, refusals, strokeIds, until } from '../harness/offline';
import { line, multiTouch } from '../harness/touch';

/**
 * Every page in every shipped language: the browser's language picks it, nothing shows a raw
 * message id or falls back to English for want of a translation, Arabic mirrors the page and
 * its seat toolbars still fit, and a refusal is worded in the device's language.
 */
// No grace after the pencil passes: offline work from its previous holder is refused at once.
const live = liveServer({ PENCIL_PASS_GRACE_MS: '0' });
// Console errors of this file's devices; a failed fetch is left to the tests of what it
// fetches (its console line does not say which URL), any other error fails the test.
// Known and not about languages: the board's reopen after a refused change logs a Yjs
// "remove event handler" warning (pencil.e2e's same flow does not check the console).
const NOT_OURS = /^Failed to load resource|^HTTP \d{3} |^\[yjs\] Tried to remove event handler/;
const consoles: string[][] = [];
afterEach(() => {
  const errors = consoles.splice(0).flat();
  expect(errors.filter((e) => !NOT_OURS.test(e))).toEqual([]);
});
const LOCALES = ['en', 'es', 'fr', 'ar'] as const;
type Locale = (typeof LOCALES)[number];
const SCREENS = '/work/notes/screens/';

/** A catalog's messages as written in its source file (`'id': 'text',`). */
function catalog(locale: Locale): Map<string, string> {
  const file = new URL(`../../packages/board/src/i18n/locales/${locale}.ts`, import.meta.url);
  const source = readFileSync(file, 'utf8');
  const messages = new Map<string, string>();
  for (const [, id, text] of source.matchAll(/'([\w.]+)':\s*(?:'((?:[^'\\]|\\.)*)'|"[^"]*")/g)) {
    messages.set(id!, (text ?? '').replace(/\\'/g, "'"));
  }
  return messages;
}
const IDS = [...catalog('en').keys()];

/** A device of `kind` whose browser speaks `locale`, on `path` of the server `on`. */
async function open(kind: keyof typeof DEVICES, locale: string, path: string, on = live) {
  const context = await on.browser.newContext({ ...DEVICES[kind], locale });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  consoles.push(consoleErrors);
  on.track({ dispose: () => context.close() });
  await page.goto(`${on.server.url}${path}`);
  return page;
}

/**
 * The page is in `locale`: `<html lang dir>` say so, no text, label, title or placeholder is
 * a message id, and no message was shown in English for want of a translation.
 */
async function expectTranslated(page: Page, locale: Locale) {
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(
    locale === 'ar' ? 'rtl' : 'ltr',
  );
  const shown = await page.evaluate(() => {
    const attributes = ['aria-label', 'title', 'placeholder', 'alt'];
    const texts = [document.body.textContent ?? '', document.title];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return {
      texts,
      fallbacks: (window as unknown as { __i18nFallbacks?: string[] }).__i18nFallbacks ?? [],
    };
  });
  expect(shown.fallbacks, `${locale}: shown in English for want of a translation`).toEqual([]);
  const all = shown.texts.join('\n');
  const raw = IDS.filter((id) =>
    new RegExp(`(^|[^\\w.])${id.replace(/\./g, '\\.')}($|[^\\w.])`).test(all),
  );
  expect(raw, `${locale}: message ids on the page`).toEqual([]);
}

/** Words of `locale`'s catalog that must be on the page (plain messages, no placeholders). */
async function expectWords(page: Page, locale: Locale, ids: string[]) {
  const messages = catalog(locale);
  const text = await page.evaluate(() => document.body.textContent ?? '');
  for (const id of ids) expect(text, `${locale} ${id}`).toContain(messages.get(id));
}

type Box = { x: number; y: number; w: number; h: number };
const within = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.w <= b.x + b.w + 0.5 &&
  a.y + a.h <= b.y + b.h + 0.5;
const apart = (a: Box, b: Box) =>
  a.x + a.w <= b.x + 0.5 ||
  b.x + b.w <= a.x + 0.5 ||
  a.y + a.h <= b.y + 0.5 ||
  b.y + b.h <= a.y + 0.5;

/** Every seat toolbar and dock on screen, its controls inside it and finger-sized, groups apart. */
async function expectToolbarsFit(page: Page, seats: number) {
  const size = page.viewportSize()!;
  const screen = { x: 0, y: 0, w: size.width, h: size.height };
  const groups = await page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    return Array.from(document.querySelectorAll('[role="toolbar"], .seat-pencil')).map((g) => ({
      name: g.getAttribute('aria-label') ?? '?',
      box: box(g),
      controls: Array.from(g.querySelectorAll('button, input:not([hidden]), .seat-name'))
        .map((c) => ({ name: c.getAttribute('aria-label') ?? c.textContent ?? '', box: box(c) }))
        .filter((c) => c.box.w > 0 && c.box.h > 0),
    }));
  });
  expect(groups.length).toBeGreaterThanOrEqual(seats + 2);
  for (const group of groups) {
    expect(within(group.box, screen), `${group.name} on screen`).toBe(true);
    for (const control of group.controls) {
      expect(within(control.box, group.box), `${group.name}: ${control.name} inside`).toBe(true);
      expect(
        Math.min(control.box.w, control.box.h),
        `${control.name} finger-sized`,
      ).toBeGreaterThanOrEqual(44);
    }
  }
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      expect(apart(groups[i]!.box, groups[j]!.box), `${groups[i]!.name} / ${groups[j]!.name}`).toBe(
        true,
      );
    }
  }
}

/** Seats are set up once through the English table; every language's table then shows them. */
async function boardWithSeats(boardId: string, seats: number) {
  const setup = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
  await setup.setUpSeats(seats);
  await setup.dispose();
}

describe('every page in every language', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the table, a tablet, the join page, the home page and the gallery`, async () => {
      const boardId = `i18n-${locale}`;
      await boardWithSeats(boardId, 8);

      const table = await open('table', locale, `/b/${boardId}?layout=table`);
      await table.locator('.status[data-status="connected"]').waitFor();
      await expect.poll(() => table.locator('.seat-toolbar').count()).toBe(8);
      await expectTranslated(table, locale);
      await expectWords(table, locale, ['status.connected']);
      await expectToolbarsFit(table, 8);
      if (locale === 'ar') {
        mkdirSync(SCREENS, { recursive: true });
        await table.screenshot({ path: `${SCREENS}table-ar-1920x1080-8-seats.png` });
      }

      const tablet = await open('tablet', locale, `/b/${boardId}?layout=tablet`);
      await tablet.locator('.join-sheet').waitFor();
      await expectTranslated(tablet, locale);
      await expectWords(tablet, locale, ['joinSheet.hello', 'joinSheet.join']);
      await tablet.locator('.join-sheet input').fill('Mia');
      await tablet.locator('.join-sheet .join-button').click();
      await tablet.locator('.join-sheet').waitFor({ state: 'detached' });
      await tablet.locator('.status[data-status="connected"]').waitFor();
      await expectTranslated(tablet, locale);
      if (locale === 'es') {
        mkdirSync(SCREENS, { recursive: true });
        await tablet.screenshot({ path: `${SCREENS}tablet-es-1024x768.png` });
      }

      for (const [path, words] of [
        ['/join', ['join.typeCode', 'join.go']],
        ['/', ['home.tagline', 'home.galleryCard']],
        ['/exhibits', ['gallery.title', 'gallery.intro']],
      ] as const) {
        const page = await open('tablet', locale, path);
        await page.locator('h1').first().waitFor();
        await expectWords(page, locale, [...words]);
        await expectTranslated(page, locale);
        if (locale === 'ar') {
          await page.screenshot({ path: `${SCREENS}ar${path.replace(/\//g, '-')}page.png` });
        }
      }
    });
  }

  it('a language chosen on the join page stays on this device, over the browser’s', async () => {
    const page = await open('tablet', 'en', '/join');
    await expectTranslated(page, 'en');
    await page.getByTestId('language-picker').selectOption('fr');
    await expectTranslated(page, 'fr');
    await expectWords(page, 'fr', ['join.typeCode']);
    await page.reload();
    await expectTranslated(page, 'fr');
    await page.getByTestId('language-picker').selectOption('auto');
    await expectTranslated(page, 'en');
  });

  it('a tablet that draws without the talking pencil is told why, in Spanish', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'i18n-pencil');
    live.track(table);
    consoles.push(table.consoleErrors);
    await table.setUpSeats(2);
    await table.pencilMode();
    await table.page.getByTestId('pencil-at-seat-1').waitFor();

    const tablet = await open('tablet', 'es', '/b/i18n-pencil?layout=tablet');
    await tablet.locator('.join-sheet input').fill('Mia');
    await tablet.locator('.join-sheet .join-button').click();
    await tablet.locator('.join-sheet').waitFor({ state: 'detached' });
    await tablet.mouse.move(200, 300);
    await tablet.mouse.down();
    await tablet.mouse.move(500, 360, { steps: 6 });
    await tablet.mouse.up();
    await expect
      .poll(() => tablet.getByTestId('notice').textContent())
      .toMatch(/^Fox tiene el lápiz de la palabra. Levanta la mano para pedirlo./);
    await expectTranslated(tablet, 'es');
    mkdirSync(SCREENS, { recursive: true });
    await tablet.screenshot({ path: `${SCREENS}tablet-es-pencil-notice.png` });

    // A stroke that slips past the tablet's own check: the server refuses it with a code, and
    // the tablet words the refusal in Spanish.
    await multiTouch(table.page, [line(800, 800, 1100, 850, 10)]);
    await tablet.waitForFunction(() =>
      (window as unknown as HookWindow).roundtable.elements().some((e) => e.type === 'stroke'),
    );
    await writeBehindOwnCheck(tablet, 'slipped');
    await expect
      .poll(() => tablet.getByTestId('notice').textContent())
      .toMatch(/^Ese cambio se ha deshecho\. El lápiz de la palabra lo tiene otra persona\./);
    await expectTranslated(tablet, 'es');
  });

  it('work the server refuses (the pencil moved on while offline) is explained in the device’s language', async () => {
    const boardId = 'i18n-refused';
    const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
    // This tablet chose Arabic on the device: it wins over the browser's English.
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId, {
      name: null,
      prepare: async (context) => {
        await context.addInitScript(() => localStorage.setItem('roundtable.locale', 'ar'));
      },
    });
    live.track(table, tablet);
    consoles.push(table.consoleErrors, tablet.consoleErrors);
    await tablet.page.locator('.join-sheet input').fill('Mia');
    await tablet.page.locator('.join-sheet .join-button').click();
    await tablet.page.locator('.join-sheet').waitFor({ state: 'detached' });
    await table.setUpSeats(2);
    await table.pencilMode({ close: false });
    const give = (name: string) =>
      table.page.locator('.pencil-controls').getByRole('button', { name, exact: true }).click();
    await give('Mia');
    await tablet.page.locator('.pencil-banner.holding').waitFor();
    await drawStrokes(tablet, 1, { x: 100, y: 260 });
    await until(async () => (await strokeIds(table)).length === 1, { what: "Mia's first stroke" });

    await tablet.page.context().setOffline(true);
    await tablet.waitForStatus('offline');
    await drawStrokes(tablet, 2, { x: 100, y: 380 });
    await give('Fox');
    await table.page.getByTestId('pencil-at-seat-1').waitFor();
    const before = await refusals(live.server.url);
    await tablet.page.context().setOffline(false);

    // The server refused the change with a code; the tablet says why, in Arabic.
    const words = catalog('ar');
    const notice = tablet.page.getByTestId('kept-aside');
    await expect
      .poll(() => notice.textContent(), { timeout: 15_000 })
      .toBe('قلم الكلام مع Fox — حُفظ جانبًا: خطان. اطلب القلم لإضافتها.');
    expect(words.get('kept.pencil')).toContain('قلم الكلام مع {holder}');
    expect(((await refusals(live.server.url)).pencil ?? 0) - (before.pencil ?? 0)).toBe(1);
    await expectTranslated(tablet.page, 'ar');
    mkdirSync(SCREENS, { recursive: true });
    await tablet.page.screenshot({ path: `${SCREENS}tablet-ar-kept-aside.png` });
  });
});

describe('the server’s HTTP refusals, worded on the device', () => {
  it('a wrong setup code on a fresh install is refused in Spanish', async () => {
    const es = catalog('es');
    const home = await open('table', 'es', '/');
    await home.getByLabel(es.get('signIn.setupCode')!).fill('WXYZ-2345');
    await home.getByLabel(es.get('signIn.pin')!).fill('1357');
    await home.getByRole('button', { name: es.get('signIn.setAndSignIn') }).click();
    await expect
      .poll(() => home.getByRole('alert').textContent())
      .toBe(es.get('refusal.wrongSetupCode'));
    await expectTranslated(home, 'es');
  });
});

describe('the library’s default language', () => {
  const library = liveServer({ LIBRARIAN_PIN: '2468' });

  it('a wrong PIN is refused in the browser’s language (Spanish)', async () => {
    const es = catalog('es');
    const home = await open('table', 'es', '/', library);
    await home.getByLabel(es.get('signIn.pin')!).fill('1111');
    await home.getByRole('button', { name: es.get('signIn.signIn'), exact: true }).click();
    await expect.poll(() => home.getByRole('alert').textContent()).toBe(es.get('refusal.wrongPin'));
    await expectTranslated(home, 'es');
    mkdirSync(SCREENS, { recursive: true });
    await home.screenshot({ path: `${SCREENS}home-es-wrong-pin.png` });
  });

  it('an exhibit’s PDF writes Arabic in a font that has it, not as "?"', async () => {
    const boardId = await boardStartedByLibrarian(library.server.url, '2468', 'لوحة');
    const api = await librarianApi(library.server.url, '2468');
    const { id } = await api<{ id: string }>('POST', '/api/exhibits', {
      boardId,
      title: 'معرض الصف',
      participants: ['مريم', 'Łucja'],
    });
    const page = await open('tablet', 'ar', `/exhibits/${id}`, library);
    await page.locator('.exhibit-info h1').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: catalog('ar').get('exhibitPage.downloadPdf') }).click();
    const pdf = await readPdf(readFileSync((await (await download).path())!));
    const written = pdf.pages[0]!.text.join('');
    expect(written).not.toContain('?');
    // Drawn right to left: read back glyph by glyph, the title runs backwards.
    expect(written).toContain([...'معرض الصف'].reverse().join(''));
    expect(written).toContain('Łucja');
  });

  it('set to French by the librarian, opens a German browser’s join page in French', async () => {
    const home = await open('table', 'en', '/', library);
    await home.getByLabel('Librarian PIN').fill('2468');
    await home.getByRole('button', { name: 'Sign in', exact: true }).click();
    const picker = home.getByTestId('library-language');
    await picker.selectOption('fr');
    // This screen has no language of its own: it follows the library's default at once.
    await expectTranslated(home, 'fr');

    // A new device whose browser speaks only German, a language Roundtable does not ship.
    const join = await open('tablet', 'de', '/join', library);
    await expectTranslated(join, 'fr');
    await expectWords(join, 'fr', ['join.typeCode', 'join.go']);
    await join.screenshot({ path: `${SCREENS}join-de-browser-library-fr.png` });

    // Without a default, the same browser falls back to English.
    await picker.selectOption('none');
    const again = await open('tablet', 'de', '/join', library);
    await expectTranslated(again, 'en');
  });
});
