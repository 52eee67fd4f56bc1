import type { Refusal } from '@roundtable/shared';
import { t } from './i18n';

/** A server refusal as a sentence in the device's language (`refusal.<code>` messages). */
export function refusalText(refusal: Refusal): string {
  switch (refusal.code) {
    case 'dotBudget':
      return t('refusal.dotBudget', { budget: refusal.budget });
    case 'turnLength':
      return t('refusal.turnLength', { min: refusal.min, max: refusal.max / 60 });
    default:
      return t(`refusal.${refusal.code}`);
  }
}
