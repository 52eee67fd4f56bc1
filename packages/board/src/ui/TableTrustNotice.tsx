import { NOT_A_TABLE } from '../controller/controller';
import type { TableTrustNotice as Notice } from '../sync/table-trust';
import { Icon } from './icons';

export const UNPROTECTED_TEXT =
  'This library has no librarian PIN yet: the class is not protected until one is set.';

/** What the table says about itself while it is not yet safe from impostors (never blocks). */
export function TableTrustNotice({ notice }: { notice: Notice | null }) {
  if (notice === null) return null;
  return (
    <output className={`trust-notice trust-${notice}`} data-testid="trust-notice">
      <Icon name={notice === 'unprotected' ? 'key' : 'seats'} size={22} />
      <span>{notice === 'unprotected' ? UNPROTECTED_TEXT : NOT_A_TABLE}</span>
    </output>
  );
}
