import type { Rect } from '@roundtable/shared';
import { useLayoutEffect, useState } from 'react';
import type { BoardController } from '../../controller/controller';
import { useWindowSize } from '../../useWindowSize';

/** Space kept between the board's own panels and what is fitted to the board (CSS px). */
const MARGIN = 8;

/**
 * The board clear of this screen's own toolbar (at the bottom) and its corner panels (title,
 * status and zoom at the top), measured where the page drew them: "Fit to content" and the
 * selection's bar keep clear of them.
 */
export function useOwnInsets(controller: BoardController): Rect {
  const { width, height } = useWindowSize();
  const [area, setArea] = useState<Rect>({ x: 0, y: 0, w: width, h: height });
  useLayoutEffect(() => {
    const main = document.querySelector('main.board');
    const toolbar = main?.querySelector('.toolbar')?.getBoundingClientRect();
    let top = 0;
    for (const corner of main?.querySelectorAll('.board-title, .zoom, .status') ?? []) {
      const box = corner.getBoundingClientRect();
      if (box.top < height / 3) top = Math.max(top, box.bottom);
    }
    const bottom = toolbar ? height - toolbar.top : 0;
    const insets = { top: top + MARGIN, bottom: bottom + MARGIN, left: 0, right: 0 };
    controller.setViewInsets(insets);
    const next = { x: 0, y: insets.top, w: width, h: height - insets.top - insets.bottom };
    if (next.y !== area.y || next.h !== area.h || next.w !== area.w) setArea(next);
  });
  return area;
}
