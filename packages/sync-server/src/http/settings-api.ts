import type { IncomingMessage, ServerResponse } from 'node:http';
import { localeSchema } from '@roundtable/shared';
import { z } from 'zod';
import type { Librarian } from '../auth/librarian';
import { log } from '../log';
import type { LibrarySettings, SettingsStore } from '../settings/settings-store';
import { readJsonBody } from './read-json';
import { sendError, sendJson, sendWrongMethod } from './respond';

const settingsSchema: z.ZodType<LibrarySettings> = z.strictObject({
  defaultLocale: localeSchema.nullable(),
});

/**
 * The library's settings: `GET /api/settings` for every device (a tablet needs the default
 * language before anyone signs in), `PUT /api/settings` for the signed-in librarian.
 */
export function createSettingsApi(store: SettingsStore, librarian: Librarian) {
  return async function handleSettings(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname !== '/api/settings') return false;
    if (req.method === 'GET') {
      sendJson(res, 200, await store.get());
    } else if (req.method === 'PUT') {
      if (!librarian.isSignedIn(req.headers.cookie)) {
        sendError(res, 403, { code: 'librarianChangesSettings' });
        return true;
      }
      const parsed = settingsSchema.safeParse(await readJsonBody(req, 1024));
      if (!parsed.success) {
        sendError(res, 400, {
          code: 'badRequest',
          send: '{"defaultLocale":"en"|"es"|"fr"|"ar"|null}',
        });
        return true;
      }
      await store.set(parsed.data);
      log('settings_changed', { defaultLocale: parsed.data.defaultLocale });
      sendJson(res, 200, parsed.data);
    } else sendWrongMethod(res, req, 'GET', 'PUT');
    return true;
  };
}
