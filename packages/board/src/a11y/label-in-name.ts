import { t } from '../i18n';

/**
 * The spoken name of a button that shows a label beside its icon: it must contain the label
 * as seen (WCAG 2.5.3, so "click 4 seats" works by voice), yet keep the button's lasting
 * name ("Set up seats: 4 seats"). A label that already says the name ("Talking pencil: on")
 * is the name as it stands.
 */
export function nameWithLabel(name: string, label: string): string {
  if (label.toLocaleLowerCase().includes(name.toLocaleLowerCase())) return label;
  return t('a11y.nameWithLabel', { name, label });
}
