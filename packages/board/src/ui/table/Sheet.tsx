import type { Rect } from '@roundtable/shared';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { createPortal } from 'react-dom';
import { Dialog } from '../../a11y/Dialog';
import { facingStyle, lastTouch } from './facing';

/** Where a seated table shows its sheets: a layer over the board, and the board left clear. */
export const SheetHost = createContext<{ layer: HTMLElement; area: Rect } | null>(null);

/**
 * A panel opened from a table button (seats, joining, the talking pencil, the librarian):
 * on a seated table a sheet over the board clear of every toolbar, turned to face whoever
 * opened it, as tall as the board allows and scrolling beyond; elsewhere in place.
 */
export function Sheet({
  className,
  label,
  onClose,
  children,
}: {
  className: string;
  label: string;
  /** Escape calls it (the panel's own close button does the same). */
  onClose?: () => void;
  children: ReactNode;
}) {
  const host = useContext(SheetHost);
  // Turned once, when opened: it does not spin round as others touch the table.
  const [edge] = useState(lastTouch.get);
  const sheet = (
    <Dialog className={`${className} sheet`} label={label} onClose={onClose}>
      {children}
    </Dialog>
  );
  if (!host) return sheet;
  return createPortal(
    <div className="facing-area sheet-area" data-facing={edge} style={facingStyle(host.area, edge)}>
      {sheet}
    </div>,
    host.layer,
  );
}
