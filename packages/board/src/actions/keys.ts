import type { Action, KeyPress } from './action';

/**
 * The action a key press asks for, if any: none while typing in a field or inside a dialog
 * (those keys are theirs), nor for a key the page already handled.
 */
export function actionForKey(event: KeyboardEvent, actions: readonly Action[]): Action | undefined {
  if (event.defaultPrevented) return undefined;
  const target = event.target;
  if (typeof HTMLElement !== 'undefined' && target instanceof HTMLElement) {
    if (target.isContentEditable || target.closest('input, textarea, select')) return undefined;
    if (target.closest('[role="dialog"], [role="alertdialog"]')) return undefined;
  }
  const press: KeyPress = {
    key: event.key.toLowerCase(),
    shift: event.shiftKey,
    mod: event.ctrlKey || event.metaKey,
    alt: event.altKey,
  };
  return actions.find((action) => action.keyTest?.(press));
}
