import { sentence } from '../api';
import { useEnrolledTables } from './enrolled-tables';

const enrolledOn = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The screens that are tables (made so from a table's Librarian panel), each revocable. */
export function EnrolledTables() {
  const { tables, error, revoke } = useEnrolledTables();
  return (
    <section className="enrolled-tables" aria-label="Enrolled tables">
      <h2>Tables</h2>
      {error && <p role="alert">{sentence(error)}</p>}
      {tables?.length === 0 && (
        <p className="hint">
          No screen is a table yet. Open a board on the table, sign in there and choose “Make this
          screen a table” in the Librarian panel.
        </p>
      )}
      <ul>
        {tables?.map((table) => (
          <li key={table.id} data-table={table.id}>
            <div>
              <span className="exhibit-card-title">{table.name}</span>
              <span className="exhibit-card-meta">Enrolled {enrolledOn(table.createdAt)}</span>
            </div>
            <button
              type="button"
              className="chip"
              onClick={() => {
                if (
                  window.confirm(
                    `Revoke “${table.name}”? That screen's seats cannot draw until it is made a table again.`,
                  )
                ) {
                  void revoke(table.id);
                }
              }}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
