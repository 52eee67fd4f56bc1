import { useState } from 'react';
import { t } from '../i18n';
import type { LibrarianSession } from '../sync/librarian-session';

/**
 * For the signed-in librarian at a table screen: which table this is, or the one action that
 * makes it one (the server gives this browser the table's cookie; only then can its seats
 * draw, hold the pencil and vote once a PIN protects the class).
 */
export function TableEnrollment({ session }: { session: LibrarianSession }) {
  const [name, setName] = useState(() => t('table.defaultName'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const table = session.state?.table;
  if (table) {
    return (
      <p className="table-enrolled" data-testid="table-enrolled">
        {t('table.isTablePrefix')} <strong>{table.name}</strong>
      </p>
    );
  }
  return (
    <form
      className="table-enroll"
      aria-label={t('table.make')}
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setBusy(true);
        try {
          await session.enrollTable(name.trim() || t('table.defaultName'));
        } catch (caught) {
          setError((caught as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>{t('table.notYet')}</p>
      <input
        aria-label={t('table.nameLabel')}
        className="table-name"
        maxLength={40}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      {error && (
        <p className="join-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="pencil-action" disabled={busy}>
        {t('table.make')}
      </button>
    </form>
  );
}
