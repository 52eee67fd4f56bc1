import type { CSSProperties } from 'react';
import { type Action, type ActionTarget, runAction } from '../actions/action';
import { Icon } from './icons';

/**
 * A registered action as a toolbar button: its icon, its label spoken and shown on hover,
 * pressed while it is on, disabled while it cannot be used. `label` overrides what is spoken
 * (a seat's "Pen for Fox").
 */
export function ActionButton({
  action,
  target,
  label = action.label,
  disabled = false,
  style,
  tool,
  danger = false,
  onDone,
}: {
  action: Action;
  target: ActionTarget;
  label?: string;
  disabled?: boolean;
  style?: CSSProperties;
  /** The tool it chooses, for `data-tool` (what tests and styles find tool buttons by). */
  tool?: string;
  /** It destroys something (delete): drawn in red. */
  danger?: boolean;
  onDone?: () => void;
}) {
  const usable = !action.predicate || action.predicate(target);
  return (
    <button
      type="button"
      className={danger ? 'tool danger' : 'tool'}
      style={style}
      aria-label={label}
      title={action.label}
      aria-pressed={action.pressed?.(target)}
      data-tool={tool}
      disabled={disabled || !usable}
      onClick={() => {
        runAction(action, target);
        onDone?.();
      }}
    >
      {action.icon && <Icon name={action.icon} />}
    </button>
  );
}
