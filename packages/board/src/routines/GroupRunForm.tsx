import { useEffect, useState } from 'react';
import { formatList, t as translate, useT } from '../i18n';
import { useTemplateChoice } from './RoutinePicker';
import { listRuns, type RoutineRun, startGroupRun } from './routines-api';

const groupName = (i: number) =>
  translate('groups.defaultName', { letter: String.fromCharCode(65 + i) });

/**
 * The librarian starts a routine for several groups at once (a board each, names editable)
 * and lands on the overview; recent runs are listed to go back to.
 */
export function GroupRunForm() {
  const t = useT();
  const choice = useTemplateChoice();
  const { loadError } = choice;
  const [groups, setGroups] = useState(() => [groupName(0), groupName(1)]);
  const [status, setStatus] = useState<string | null>(null);
  const [runs, setRuns] = useState<RoutineRun[]>([]);
  useEffect(() => {
    listRuns().then(setRuns, () => {});
  }, []);

  const start = async () => {
    setStatus(t('groups.making'));
    try {
      const run = await startGroupRun(
        choice.templateId,
        choice.prompt,
        groups.map((g) => g.trim()),
        choice.settings,
        choice.locale,
      );
      window.location.assign(`/routines/${run.id}`);
    } catch (caught) {
      setStatus(t('groups.startFailed', { reason: (caught as Error).message }));
    }
  };
  return (
    <section className="group-run" aria-label={t('groups.label')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <h2>{t('groups.title')}</h2>
        {choice.fields}
        <fieldset className="group-names">
          <legend>{t('groups.legend')}</legend>
          {groups.map((name, i) => (
            <input
              // biome-ignore lint/suspicious/noArrayIndexKey: a group is its place in the list
              key={i}
              aria-label={t('groups.nameLabel', { number: i + 1 })}
              value={name}
              maxLength={40}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setGroups((all) => all.map((g, j) => (j === i ? value : g)));
              }}
            />
          ))}
          <button
            type="button"
            className="pencil-action secondary"
            disabled={groups.length >= 12}
            onClick={() => setGroups((all) => [...all, groupName(all.length)])}
          >
            {t('groups.add')}
          </button>
          <button
            type="button"
            className="pencil-action secondary"
            disabled={groups.length <= 1}
            onClick={() => setGroups((all) => all.slice(0, -1))}
          >
            {t('groups.removeLast')}
          </button>
        </fieldset>
        {(status ?? loadError) && (
          <p className="field-hint" role="status">
            {status ?? loadError}
          </p>
        )}
        <button
          type="submit"
          className="pencil-action"
          disabled={!choice.templateId || groups.some((g) => !g.trim())}
        >
          {t('groups.start', { count: groups.length })}
        </button>
      </form>
      {runs.length > 0 && (
        <ul className="recent-runs" aria-label={t('groups.recent')}>
          {runs.slice(0, 5).map((run) => (
            <li key={run.id}>
              <a href={`/routines/${run.id}`}>
                {t('groups.runItem', {
                  title: run.title,
                  groups: formatList(run.groups.map((g) => g.name)),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
