import type { ReactNode } from 'react';
import { Toolbar } from '../Toolbar';
import { useControllerState } from '../useControllerState';
import { useFitOnOpen } from '../useFitOnOpen';
import { SelectionBar, ZoomControls } from '../ViewControls';
import { SeatedTable } from './SeatedTable';
import { TableActionColumn, type TableActionsProps } from './TableActions';
import { useOwnInsets } from './useOwnInsets';
import './table.css';

/**
 * Everything over the board but the board itself: on a table with seats, the seats' layout
 * (`SeatedTable`); otherwise one toolbar, the zoom, and on a table its actions in a corner.
 * `children` are the board-wide notices and badges, which a seated table turns to face
 * whoever touched it last.
 */
export function BoardSurface(props: TableActionsProps & { children: ReactNode }) {
  const { controller, children } = props;
  useControllerState(controller, ['seats']);
  const seated = controller.layout === 'table' && controller.seats().length > 0;
  if (seated) return <SeatedTable {...props} />;
  return <OneToolbar {...props}>{children}</OneToolbar>;
}

function OneToolbar(props: TableActionsProps & { children: ReactNode }) {
  const { controller, children } = props;
  const area = useOwnInsets(controller);
  useFitOnOpen(controller);
  return (
    <>
      <ZoomControls controller={controller} />
      <Toolbar controller={controller} />
      <SelectionBar controller={controller} area={area} />
      {children}
      {controller.layout === 'table' && <TableActionColumn {...props} />}
    </>
  );
}
