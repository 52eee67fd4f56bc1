import type { Rect } from '@roundtable/shared';
import { useLayoutEffect, useState } from 'react';
import type { BoardController } from '../../controller/controller';
import { clearOfInsets } from '../../controller/view';
import { useWindowSize } from '../../useWindowSize';

/** Space kept between the board's own panels and what is fitted to the board (CSS px). */
const MARGIN = 8;
/** This screen's toolbar, and its corner panels (title, zoom, status). */
const TOOLBAR = '.toolbar';
const CORNERS = '.board-title, .zoom, .status';

/**
 * The board clear of this screen's own toolbar (at the bottom) and its corner panels (title,
 * status and zoom at the top), measured where the page drew them: "Fit to content" and the
 * selection's bar keep clear of them. Measured when they first show, when the window is
 * resized and when one of them changes size (a longer title, the toolbar's tool panel).
 */
export function useOwnInsets(controller: BoardController): Rect {
  const { width, height } = useWindowSize();
  const [area, setArea] = useState<Rect>({ x: 0, y: 0, w: width, h: height });
  useLayoutEffect(() => {
    const main = document.querySelector('main.board');
    const measure = () => {
      const toolbar = main?.querySelector(TOOLBAR)?.getBoundingClientRect();
      let top = 0;
      for (const corner of main?.querySelectorAll(CORNERS) ?? []) {
        const box = corner.getBoundingClientRect();
        if (box.top < height / 3) top = Math.max(top, box.bottom);
      }
      const bottom = toolbar ? height - toolbar.top : 0;
      const insets = { top: top + MARGIN, bottom: bottom + MARGIN, left: 0, right: 0 };
      controller.setViewInsets(insets);
      const next = clearOfInsets({ width, height }, insets);
      setArea((area) =>
        next.x === area.x && next.y === area.y && next.w === area.w && next.h === area.h
          ? area
          : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const panel of main?.querySelectorAll(`${TOOLBAR}, ${CORNERS}`) ?? []) {
      observer.observe(panel);
    }
    return () => observer.disconnect();
  }, [controller, width, height]);
  return area;
}
