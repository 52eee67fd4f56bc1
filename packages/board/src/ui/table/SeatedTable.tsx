import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { useWindowSize } from '../../useWindowSize';
import { useControllerState } from '../useControllerState';
import { SelectionBar } from '../ViewControls';
import { DockBar, viewControls } from './DockBar';
import { facingStyle } from './facing';
import { SeatBar } from './SeatBar';
import { SheetHost } from './Sheet';
import { type TableActionsProps, tableActionIds, tableActions } from './TableActions';
import { useLastTouchEdge, useTrackTouchEdge } from './useFacing';
import { insetsOf, useTableLayout } from './useTableLayout';

/**
 * A table with seats along its edges, drawn exactly as the layout engine placed it: each
 * seat's toolbar, the board-wide docks (the table's actions, the view), the pencil's badge;
 * then, on the board left clear, what is for everyone (status, notices, the routine…),
 * turned to face whoever touched the table last, and the sheets the docks open.
 */
export function SeatedTable(props: TableActionsProps & { children: ReactNode }) {
  const { controller, ask, children } = props;
  // Not on 'camera': panning the board redraws no toolbar.
  useControllerState(controller, ['seats', 'tool', 'history', 'pencil', 'votes', 'routine']);
  const screen = useWindowSize();
  const actionIds = tableActionIds(props);
  const layout = useTableLayout(controller, screen, actionIds);
  const { width, height } = screen;
  useEffect(() => {
    controller.setViewInsets(insetsOf(layout, { width, height }));
    return () => controller.setViewInsets({});
  }, [controller, layout, width, height]);
  useTrackTouchEdge(controller);
  const facing = useLastTouchEdge();
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);
  const seats = new Map(controller.seats().map((s) => [s.id, s]));
  const actions = tableActions(props);
  return (
    <SheetHost.Provider value={layer ? { layer, area: layout.inner } : null}>
      <div
        className="facing-area board-wide"
        data-facing={facing}
        style={facingStyle(layout.inner, facing)}
      >
        {children}
      </div>
      <SelectionBar controller={controller} area={layout.inner} facing={facing} />
      {layout.seats.map((placed) => {
        const seat = seats.get(placed.id);
        if (!seat) return null;
        return (
          <SeatBar
            key={seat.id}
            controller={controller}
            seat={seat}
            ask={ask}
            placed={placed}
            holder={layout.holder?.seatId === seat.id ? layout.holder : null}
          />
        );
      })}
      {layout.docks.map((placed) => (
        <DockBar
          key={placed.id}
          placed={placed}
          label={placed.id === 'table' ? t('dock.table') : t('dock.view')}
          controls={placed.id === 'table' ? actions : viewControls(controller)}
        />
      ))}
      <div ref={setLayer} className="sheet-layer" />
    </SheetHost.Provider>
  );
}
