import type { AnyRefusal } from '@roundtable/shared';
import { t } from './i18n';

/**
 * A server refusal (over the socket or HTTP) as a sentence in the device's language
 * (`refusal.<code>` messages). Parameters that are for API users only are not shown.
 */
export function refusalText(refusal: AnyRefusal): string {
  switch (refusal.code) {
    case 'dotBudget':
      return t('refusal.dotBudget', { budget: refusal.budget });
    case 'turnLength':
      return t('refusal.turnLength', { min: refusal.min, max: refusal.max / 60 });
    case 'tooManyTries':
      return t('refusal.tooManyTries', { seconds: refusal.seconds });
    case 'boardInUse':
      return t('refusal.boardInUse', { devices: refusal.devices });
    case 'imageTooLarge':
      return t('refusal.imageTooLarge', { mib: refusal.mib });
    case 'phaseCount':
      return t('refusal.phaseCount', { max: refusal.max });
    case 'pinShape':
    case 'phaseSeconds':
    case 'votesPerPerson':
      return t(`refusal.${refusal.code}`, { min: refusal.min, max: refusal.max });
    default:
      return t(`refusal.${refusal.code}`);
  }
}
