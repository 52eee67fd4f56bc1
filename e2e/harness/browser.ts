import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** Debian's Chromium, headless, with nothing that phones home (this network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The devices around a board: the 4K touch table and tablets. */
export const DEVICES = {
  table: { viewport: { width: 1920, height: 1080 }, hasTouch: true, deviceScaleFactor: 1 },
  tablet: {
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  },
} as const;

export type DeviceKind = keyof typeof DEVICES;

/**
 * A page on its own browser context (own storage, like a separate device). Console errors
 * are collected so a test can fail on any it did not expect.
 */
export async function openDevice(
  browser: Browser,
  kind: DeviceKind,
  url: string,
  {
    /** Runs on the new context before the page opens (cookies a school gave this device). */
    prepare,
  }: { prepare?: (context: BrowserContext) => Promise<void> } = {},
) {
  const context: BrowserContext = await browser.newContext(DEVICES[kind]);
  await prepare?.(context);
  const page: Page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // The console's "Failed to load resource" omits the URL; record it here.
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(url);
  return { context, page, consoleErrors };
}

/** Saves a screenshot under e2e/artifacts (ignored by git) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
