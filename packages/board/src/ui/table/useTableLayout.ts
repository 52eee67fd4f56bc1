import {
  dockItems,
  layoutTable,
  type SeatBarSpec,
  seatBarItems,
  type TableLayout,
} from '@roundtable/shared';
import { useMemo } from 'react';
import type { BoardController } from '../../controller/controller';

/** The board's view controls on a seated table. */
export const VIEW_DOCK = ['zoom-out', 'zoom', 'zoom-in', 'fit'];
/** The zoom level's button shows "125%": wider than an icon. */
const DOCK_SIZES = { zoom: 76 };
/** The pencil's badge at its holder: as long as it likes to be, and how deep (CSS px). */
export const HOLDER_BADGE = { length: 760, depth: 84 };

/** Whether a seat shows a raise-hand button: someone else has the pencil, and this screen speaks for it. */
export function raisesHand(controller: BoardController, seatId: string): boolean {
  const pencil = controller.pencil();
  return pencil.mode === 'pencil' && pencil.holderId !== seatId && controller.speaksForSeats();
}

/**
 * The table's layout for what it shows now (its seats, the pencil, its actions), computed
 * again only when one of those or the screen's size changes.
 */
export function useTableLayout(
  controller: BoardController,
  screen: { width: number; height: number },
  actionIds: readonly string[],
): TableLayout {
  const pencil = controller.pencil();
  const seats: SeatBarSpec[] = controller.seats().map((seat) => ({
    id: seat.id,
    edge: seat.edge,
    offset: seat.offset,
    items: seatBarItems(seat.name, { raiseHand: raisesHand(controller, seat.id) }),
  }));
  const holder =
    pencil.mode === 'pencil' && seats.some((s) => s.id === pencil.holderId)
      ? { seatId: pencil.holderId!, ...HOLDER_BADGE }
      : null;
  const key = JSON.stringify([screen.width, screen.height, seats, holder, actionIds]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for its inputs
  return useMemo(
    () =>
      layoutTable({
        screen,
        seats,
        holder,
        docks: [
          { id: 'table', items: dockItems(actionIds) },
          { id: 'view', items: dockItems(VIEW_DOCK, DOCK_SIZES) },
        ],
      }),
    [key],
  );
}

/** How much of each screen edge a layout's toolbars cover (for "Fit to content"). */
export function insetsOf(layout: TableLayout, screen: { width: number; height: number }) {
  const { inner } = layout;
  return {
    left: inner.x,
    top: inner.y,
    right: screen.width - inner.x - inner.w,
    bottom: screen.height - inner.y - inner.h,
  };
}
