export type Route =
  | { page: 'board'; boardId: string }
  | { page: 'join' }
  | { page: 'gallery' }
  | { page: 'slideshow' }
  | { page: 'exhibit'; exhibitId: string }
  | { page: 'overview'; runId: string }
  | { page: 'home' };

const EXHIBIT_PATH = /^\/exhibits\/([A-Za-z0-9_-]{1,64})\/?$/;

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/;

const OVERVIEW_PATH = /^\/routines\/([A-Za-z0-9_-]{1,64})\/?$/;

export function parseRoute(pathname: string): Route {
  const match = BOARD_PATH.exec(pathname);
  if (match?.[1]) return { page: 'board', boardId: match[1] };
  if (/^\/join\/?$/.test(pathname)) return { page: 'join' };
  if (/^\/exhibits\/?$/.test(pathname)) return { page: 'gallery' };
  if (/^\/exhibits\/show\/?$/.test(pathname)) return { page: 'slideshow' };
  const exhibit = EXHIBIT_PATH.exec(pathname);
  if (exhibit?.[1]) return { page: 'exhibit', exhibitId: exhibit[1] };
  const overview = OVERVIEW_PATH.exec(pathname);
  if (overview?.[1]) return { page: 'overview', runId: overview[1] };
  return { page: 'home' };
}
