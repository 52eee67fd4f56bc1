import { useState } from 'react';
import { sentence } from '../api';
import type { LibrarianSession } from '../sync/librarian-session';

const DEFAULT_NAME = 'Library table';

/**
 * For the signed-in librarian at a table screen: which table this is, or the one action that
 * makes it one (the server gives this browser the table's cookie; only then can its seats
 * draw, hold the pencil and vote once a PIN protects the class).
 */
export function TableEnrollment({ session }: { session: LibrarianSession }) {
  const [name, setName] = useState(DEFAULT_NAME);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const table = session.state?.table;
  if (table) {
    return (
      <p className="table-enrolled" data-testid="table-enrolled">
        This screen is the table: <strong>{table.name}</strong>
      </p>
    );
  }
  return (
    <form
      className="table-enroll"
      aria-label="Make this screen a table"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setBusy(true);
        try {
          await session.enrollTable(name.trim() || DEFAULT_NAME);
        } catch (caught) {
          setError(sentence((caught as Error).message));
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>This screen is not an enrolled table yet, so its seats cannot draw.</p>
      <input
        aria-label="Name of this table"
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
        Make this screen a table
      </button>
    </form>
  );
}
