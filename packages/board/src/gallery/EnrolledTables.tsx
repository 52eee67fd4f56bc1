import { formatDate, useT } from '../i18n';
import { useEnrolledTables } from './enrolled-tables';

const enrolledOn = (ms: number) =>
  formatDate(ms, { day: 'numeric', month: 'short', year: 'numeric' });

/** The screens that are tables (made so from a table's Librarian panel), each revocable. */
export function EnrolledTables() {
  const t = useT();
  const { tables, error, revoke } = useEnrolledTables();
  return (
    <section className="enrolled-tables" aria-label={t('tables.label')}>
      <h2>{t('tables.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {tables?.length === 0 && <p className="hint">{t('tables.none')}</p>}
      <ul>
        {tables?.map((table) => (
          <li key={table.id} data-table={table.id}>
            <div>
              <span className="exhibit-card-title">{table.name}</span>
              <span className="exhibit-card-meta">
                {t('tables.enrolled', { date: enrolledOn(table.createdAt) })}
              </span>
            </div>
            <button
              type="button"
              className="chip"
              onClick={() => {
                if (window.confirm(t('tables.confirmRevoke', { name: table.name }))) {
                  void revoke(table.id);
                }
              }}
            >
              {t('tables.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
