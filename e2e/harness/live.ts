import { type ServerFixture, startServerProcess } from '@roundtable/sync-server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser';

export interface Device {
  dispose(): Promise<void>;
  readonly consoleErrors?: string[];
}

/**
 * For one test file: the real server (a child process on a free port with a temp DATA_DIR,
 * started with `env`) and Chromium. Devices a test tracks are closed after it; with
 * `checkConsole`, a device whose page logged an error fails the test.
 */
export function liveServer(env: Record<string, string> = {}, { checkConsole = false } = {}) {
  let server: ServerFixture | undefined;
  let browser: Browser | undefined;
  const open: Device[] = [];
  beforeAll(async () => {
    server = await startServerProcess(env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    for (const device of open.splice(0)) {
      if (checkConsole && device.consoleErrors) expect(device.consoleErrors).toEqual([]);
      await device.dispose();
    }
  });
  return {
    get server(): ServerFixture {
      if (!server) throw new Error('the server has not started');
      return server;
    },
    get browser(): Browser {
      if (!browser) throw new Error('Chromium has not started');
      return browser;
    },
    track(...devices: Device[]): void {
      open.push(...devices);
    },
  };
}
