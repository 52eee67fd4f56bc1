import { useT } from '../i18n';
import type { TableTrustNotice as Notice } from '../sync/table-trust';
import { Icon } from './icons';

/** What the table says about itself while it is not yet safe from impostors (never blocks). */
export function TableTrustNotice({ notice }: { notice: Notice | null }) {
  const t = useT();
  if (notice === null) return null;
  return (
    <output className={`trust-notice trust-${notice}`} data-testid="trust-notice">
      <Icon name={notice === 'unprotected' ? 'key' : 'seats'} size={22} />
      <span>{notice === 'unprotected' ? t('trust.unprotected') : t('trust.notATable')}</span>
    </output>
  );
}
