import { createId } from '@roundtable/shared';

export type Route = { page: 'board'; boardId: string } | { page: 'home' };

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/;

export function parseRoute(pathname: string): Route {
  const match = BOARD_PATH.exec(pathname);
  return match?.[1] ? { page: 'board', boardId: match[1] } : { page: 'home' };
}

/** Where "/" sends a visitor until the librarian's home exists: a fresh board. */
export function newBoardPath(): string {
  return `/b/${createId(10)}`;
}
