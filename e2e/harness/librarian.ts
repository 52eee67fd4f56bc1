import type { BrowserContext } from 'playwright-core';
import { librarianApi } from './librarian-api';

/**
 * A board the librarian started, by its HTTP API: once a PIN is set, only the librarian
 * starts boards, and students' devices join boards that exist.
 */
export async function boardStartedByLibrarian(
  serverUrl: string,
  pin: string,
  title = 'Board',
): Promise<string> {
  const api = await librarianApi(serverUrl, pin);
  return (await api<{ boardId: string }>('POST', '/api/boards', { title })).boardId;
}

/**
 * Makes a device an enrolled table the way a school does: the librarian signs in on it,
 * enrols it (`POST /api/tables`, which gives this browser the table's `rt_table` cookie) and
 * signs out again. Pass to `BoardPage.open(…, { prepare })` or `openDevice(…, { prepare })`;
 * the requests share the context's cookies, so the table's page opens already a table.
 */
export function enrolledTable(serverUrl: string, pin: string, name = 'Library table') {
  return async (context: BrowserContext): Promise<void> => {
    const post = async (path: string, data: unknown) => {
      const response = await context.request.post(`${serverUrl}${path}`, { data });
      if (!response.ok()) {
        throw new Error(`POST ${path} failed: HTTP ${response.status()} ${await response.text()}`);
      }
    };
    await post('/api/librarian/sign-in', { pin, sharedScreen: true });
    await post('/api/tables', { name });
    await post('/api/librarian/sign-out', {});
  };
}
