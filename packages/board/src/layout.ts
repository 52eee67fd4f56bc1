import type { Layout } from './controller/controller';

/**
 * `?layout=table|tablet` wins; otherwise a big touch screen is the table and anything else
 * gets the tablet layout (which also suits a laptop with a mouse).
 */
export function chooseLayout(
  search: string,
  screen: { width: number; height: number },
  coarsePointer: boolean,
): Layout {
  const forced = new URLSearchParams(search).get('layout');
  if (forced === 'table' || forced === 'tablet') return forced;
  return coarsePointer && Math.max(screen.width, screen.height) >= 1800 ? 'table' : 'tablet';
}
