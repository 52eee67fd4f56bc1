import type { ReactNode } from 'react';
import { useDialog } from './useDialog';

/**
 * A modal dialog (see `useDialog`): named by `label`, focus kept inside while it is open and
 * given back to its opener when it closes; Escape calls `onClose` when there is one.
 */
export function Dialog({
  label,
  className,
  onClose,
  role = 'dialog',
  children,
}: {
  label: string;
  className?: string;
  onClose?: () => void;
  /** `alertdialog` for news that interrupts (the board was closed). */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}) {
  const ref = useDialog<HTMLDivElement>(onClose);
  // Both roles take aria-modal; spread, as the linter cannot tell which one is given.
  const semantics = { role, 'aria-modal': true, 'aria-label': label };
  return (
    <div ref={ref} {...semantics} tabIndex={-1} className={className}>
      {children}
    </div>
  );
}
