import { type RefObject, useEffect } from 'react';
import type { BoardController } from '../controller/controller';
import { type PointerSample, realPressure } from '../controller/input';

function toSample(event: PointerEvent, origin: DOMRect): PointerSample {
  return {
    id: event.pointerId,
    kind: event.pointerType === 'pen' ? 'pen' : event.pointerType === 'mouse' ? 'mouse' : 'touch',
    x: event.clientX - origin.left,
    y: event.clientY - origin.top,
    pressure: realPressure(event),
    width: event.width || 1,
    height: event.height || 1,
    buttons: event.buttons,
  };
}

/**
 * Feeds the board's pointer events to the controller: every pointer its own stream, with
 * coalesced samples so fast strokes keep their shape; the wheel zooms at the cursor.
 */
export function useBoardInput(target: RefObject<HTMLElement | null>, controller: BoardController) {
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    let origin = element.getBoundingClientRect();
    const down = (event: PointerEvent) => {
      origin = element.getBoundingClientRect();
      element.setPointerCapture(event.pointerId);
      event.preventDefault();
      controller.pointerDown(toSample(event, origin));
    };
    const move = (event: PointerEvent) => {
      const coalesced = event.getCoalescedEvents?.() ?? [];
      // The last coalesced event is the event itself.
      controller.pointerMove(
        toSample(event, origin),
        coalesced.slice(0, -1).map((e) => toSample(e, origin)),
      );
    };
    const up = (event: PointerEvent) => controller.pointerUp(toSample(event, origin));
    const cancel = (event: PointerEvent) => controller.pointerCancel(event.pointerId);
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      origin = element.getBoundingClientRect();
      controller.zoomBy(Math.exp(-event.deltaY / 500), {
        x: event.clientX - origin.left,
        y: event.clientY - origin.top,
      });
    };
    const noMenu = (event: Event) => event.preventDefault();
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', cancel);
    element.addEventListener('wheel', wheel, { passive: false });
    element.addEventListener('contextmenu', noMenu);
    return () => {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', cancel);
      element.removeEventListener('wheel', wheel);
      element.removeEventListener('contextmenu', noMenu);
    };
  }, [target, controller]);
}
