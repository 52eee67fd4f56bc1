import { mkdirSync } from 'node:fs';
import { rectsApart } from '@roundtable/shared/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { liveServer } from '../harness/live';

/**
 * A class really using the table: 4 and 8 seats set up through the UI, at 1920×1080 (a 4K
 * table at 200 %) and 3840×2160, in open and pencil mode. Every toolbar control is on the
 * screen, finger-sized and clear of every other group. Screenshots go to e2e/test-results.
 */
const live = liveServer({}, { checkConsole: true });
const RESULTS = new URL('../test-results/', import.meta.url).pathname;

type Box = { x: number; y: number; w: number; h: number };

/** A table screen of `size`, on a fresh install (no PIN yet: it speaks for its seats). */
async function openTable(boardId: string, size: { width: number; height: number }) {
  const context = await live.browser.newContext({
    viewport: size,
    hasTouch: true,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`${live.server.url}/b/${boardId}?layout=table`);
  await page.locator('.status[data-status="connected"]').waitFor();
  live.track({ consoleErrors, dispose: () => context.close() });
  return page;
}

async function setSeats(page: Page, count: number) {
  await page.getByRole('button', { name: 'Set up seats' }).click();
  await page.getByRole('button', { name: String(count), exact: true }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => page.locator('.seat-toolbar').count()).toBe(count);
}

async function pencilMode(page: Page) {
  await page.getByRole('button', { name: 'Talking pencil', exact: true }).click();
  await page.getByRole('button', { name: 'Only the pencil holder' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('pencil-at-seat-1').waitFor();
}

async function screenshot(page: Page, name: string) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: `${RESULTS}${name}.png` });
}

/**
 * Every group of controls on the screen (each seat's toolbar, the docks, the pencil's badge)
 * with its box and the boxes of its controls; and the board-wide badges.
 */
const groups = (page: Page) =>
  page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const visible = (e: Element) => box(e).w > 0 && box(e).h > 0;
    const found = Array.from(document.querySelectorAll('[role="toolbar"], .seat-pencil')).map(
      (g) => ({
        name: g.getAttribute('aria-label') ?? g.getAttribute('data-testid') ?? '?',
        box: box(g),
        controls: Array.from(g.querySelectorAll('button, input:not([hidden]), .seat-name'))
          .filter(visible)
          .map((c) => ({ name: c.getAttribute('aria-label') ?? c.textContent ?? '', box: box(c) })),
      }),
    );
    const badges = Array.from(document.querySelectorAll('.board-wide > *'))
      .filter(visible)
      .map((b) => ({ name: b.className, box: box(b) }));
    return { groups: found, badges };
  });

const apart = (a: Box, b: Box) =>
  a.x + a.w <= b.x + 0.5 ||
  b.x + b.w <= a.x + 0.5 ||
  a.y + a.h <= b.y + 0.5 ||
  b.y + b.h <= a.y + 0.5;
const within = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.w <= b.x + b.w + 0.5 &&
  a.y + a.h <= b.y + b.h + 0.5;

async function checkLayout(page: Page, seatNames: string[]) {
  const size = page.viewportSize()!;
  const screen = { x: 0, y: 0, w: size.width, h: size.height };
  const { groups: all, badges } = await groups(page);
  // Every seat's toolbar is a toolbar named after its seat; the docks are there too.
  for (const name of seatNames) expect(all.map((g) => g.name)).toContain(name);
  expect(all.map((g) => g.name)).toEqual(expect.arrayContaining(['Table', 'View']));
  for (const group of all) {
    expect(within(group.box, screen), `${group.name} on screen`).toBe(true);
    for (const control of group.controls) {
      const where = `${group.name}: ${control.name}`;
      expect(within(control.box, screen), `${where} on screen`).toBe(true);
      expect(within(control.box, group.box), `${where} inside its group`).toBe(true);
      expect(
        Math.min(control.box.w, control.box.h),
        `${where} finger-sized`,
      ).toBeGreaterThanOrEqual(44);
    }
  }
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      expect(apart(all[i]!.box, all[j]!.box), `${all[i]!.name} clear of ${all[j]!.name}`).toBe(
        true,
      );
    }
  }
  expect(all.flatMap((g) => g.controls).length).toBeGreaterThan(seatNames.length * 8);
  // What is for everyone (status, who is here, notices) sits clear of every group and of
  // each other.
  expect(badges.map((b) => b.name)).toContain('status status-connected');
  for (const [i, badge] of badges.entries()) {
    for (const group of all) {
      expect(apart(badge.box, group.box), `${badge.name} clear of ${group.name}`).toBe(true);
    }
    for (const other of badges.slice(i + 1)) {
      expect(apart(badge.box, other.box), `${badge.name} clear of ${other.name}`).toBe(true);
    }
  }
}

/**
 * The board's notes and text as a list, opened the way a keyboard opens it (a note added with
 * N, its entry given focus): it sits on the board clear of every seat's toolbar and dock.
 */
async function checkTextList(page: Page, screenshotName: string) {
  await page.keyboard.press('n');
  await page.locator('.board-text-list button').first().focus();
  const { list, bars } = await page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    return {
      list: box(document.querySelector('.board-text-list')!),
      bars: Array.from(document.querySelectorAll('[role="toolbar"]')).map((bar) => ({
        name: bar.getAttribute('aria-label') ?? '?',
        box: box(bar),
      })),
    };
  });
  await screenshot(page, screenshotName);
  expect(list.w * list.h, 'the list is shown').toBeGreaterThan(200 * 100);
  for (const bar of bars) {
    expect(rectsApart(list, bar.box, 0.5), `the list clear of ${bar.name}`).toBe(true);
  }
  // Focus leaves the list (it hides) and the note is let go of, as before.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
}

const NAMES = ['Fox', 'Owl', 'Otter', 'Panda', 'Koala', 'Tiger', 'Heron', 'Lynx'];

describe('the table laid out for a class', () => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    for (const count of [4, 8]) {
      it(`${count} seats at ${size.width}×${size.height}, open and pencil mode: every control on screen, finger-sized, clear of the others`, async () => {
        const page = await openTable(`layout-${count}-${size.width}`, size);
        await setSeats(page, count);
        await checkLayout(page, NAMES.slice(0, count));
        await screenshot(page, `table-${size.width}-${count}-seats-open`);
        await checkTextList(page, `table-${size.width}-${count}-seats-text-list`);
        await pencilMode(page);
        await expect
          .poll(() => page.getByRole('button', { name: /^Raise .*'s hand$/ }).count())
          .toBe(count - 1);
        await checkLayout(page, NAMES.slice(0, count));
        await screenshot(page, `table-${size.width}-${count}-seats-pencil`);
      });
    }
  }
});
