import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { EnrolledTable } from '../sync/librarian-session';

/**
 * The library's enrolled tables, for the signed-in librarian: listed, and revoked (the
 * server closes a revoked table's sockets; it comes back as a plain screen).
 */
export function useEnrolledTables() {
  const [tables, setTables] = useState<EnrolledTable[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api<EnrolledTable[]>('GET', '/api/tables').then(setTables, (caught: Error) =>
      setError(caught.message),
    );
  }, []);
  useEffect(reload, [reload]);
  const revoke = useCallback(
    (id: string) =>
      api('DELETE', `/api/tables/${encodeURIComponent(id)}`).then(reload, (caught: Error) =>
        setError(caught.message),
      ),
    [reload],
  );
  return { tables, error, revoke };
}
