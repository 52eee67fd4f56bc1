import type { ReactNode } from 'react';
import { nameWithLabel } from '../a11y/label-in-name';
import { t } from '../i18n';
import { Icon } from './icons';

/** One of the table's corner buttons: an icon, and a label that hides in the compact row. */
export function TableAction({
  name,
  icon,
  label,
  pressed,
  onOpen,
}: {
  /** What the button is called for screen readers and tests ("Set up seats"). */
  name: string;
  icon: ReactNode;
  /** What it shows beside the icon ("4 seats"). */
  label: string;
  pressed?: boolean;
  onOpen: () => void;
}) {
  return (
    <button
      type="button"
      className="table-action"
      aria-label={nameWithLabel(name, label)}
      title={name}
      aria-pressed={pressed}
      onClick={onOpen}
    >
      {icon}
      <span className="label">{label}</span>
    </button>
  );
}

/** The heading of a panel a corner button opened, with the button that closes it. */
export function PanelHeader({
  children,
  closeLabel = t('panel.close'),
  onClose,
}: {
  children: ReactNode;
  closeLabel?: string;
  onClose: () => void;
}) {
  return (
    <header className="panel-header">
      <h2>{children}</h2>
      <button type="button" className="tool" aria-label={closeLabel} onClick={onClose}>
        {/* ✕ closes; a ✓ would read as "save" (a panel that finishes a setup says Done). */}
        <Icon name={closeLabel === t('panel.done') ? 'check' : 'close'} />
      </button>
    </header>
  );
}
