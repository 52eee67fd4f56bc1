import { type RefObject, useEffect, useRef } from 'react';

/** What Tab can reach inside a dialog. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Makes the element behind the returned ref a modal dialog for the keyboard: on open, focus
 * moves into it (its `[data-autofocus]` element, else the dialog itself); Tab and Shift+Tab
 * cycle inside it; Escape calls `onClose` (when it can be closed); on close, focus returns to
 * whatever had it before (the button that opened it). Give the element `role="dialog"`,
 * `aria-modal="true"`, a name and `tabIndex={-1}`.
 */
export function useDialog<T extends HTMLElement>(onClose?: () => void): RefObject<T | null> {
  const ref = useRef<T>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog;
    first.focus({ preventScroll: true });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && close.current) {
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const stops = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.getClientRects().length > 0,
      );
      const [head, tail] = [stops[0], stops[stops.length - 1]];
      if (!head || !tail) {
        event.preventDefault();
        return;
      }
      const at = document.activeElement;
      if (event.shiftKey && (at === head || at === dialog)) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && (at === tail || !dialog.contains(at))) {
        event.preventDefault();
        head.focus();
      }
    };
    dialog.addEventListener('keydown', onKey);
    return () => {
      dialog.removeEventListener('keydown', onKey);
      // Back to the opener, unless focus has already gone somewhere else on purpose.
      const lost = !document.activeElement || document.activeElement === document.body;
      if (opener?.isConnected && (lost || dialog.contains(document.activeElement))) {
        opener.focus({ preventScroll: true });
      }
    };
  }, []);
  return ref;
}
