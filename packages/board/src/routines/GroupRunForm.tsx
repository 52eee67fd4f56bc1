import { useEffect, useState } from 'react';
import { useTemplateChoice } from './RoutinePicker';
import { listRuns, type RoutineRun, startGroupRun } from './routines-api';

const groupName = (i: number) => `Group ${String.fromCharCode(65 + i)}`;

/**
 * The librarian starts a routine for several groups at once (a board each, names editable)
 * and lands on the overview; recent runs are listed to go back to.
 */
export function GroupRunForm() {
  const choice = useTemplateChoice();
  const { loadError } = choice;
  const [groups, setGroups] = useState([groupName(0), groupName(1)]);
  const [status, setStatus] = useState<string | null>(null);
  const [runs, setRuns] = useState<RoutineRun[]>([]);
  useEffect(() => {
    listRuns().then(setRuns, () => {});
  }, []);

  const start = async () => {
    setStatus('Making a board for each group…');
    try {
      const run = await startGroupRun(
        choice.templateId,
        choice.prompt,
        groups.map((g) => g.trim()),
        choice.settings,
      );
      window.location.assign(`/routines/${run.id}`);
    } catch (caught) {
      setStatus(`Could not start: ${(caught as Error).message}.`);
    }
  };
  return (
    <section className="group-run" aria-label="Routine for groups">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <h2>Start a routine for groups</h2>
        {choice.fields}
        <fieldset className="group-names">
          <legend>Groups</legend>
          {groups.map((name, i) => (
            <input
              // biome-ignore lint/suspicious/noArrayIndexKey: a group is its place in the list
              key={i}
              aria-label={`Group ${i + 1} name`}
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
            Add a group
          </button>
          <button
            type="button"
            className="pencil-action secondary"
            disabled={groups.length <= 1}
            onClick={() => setGroups((all) => all.slice(0, -1))}
          >
            Remove the last
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
          Start for {groups.length} {groups.length === 1 ? 'group' : 'groups'}
        </button>
      </form>
      {runs.length > 0 && (
        <ul className="recent-runs" aria-label="Recent group runs">
          {runs.slice(0, 5).map((run) => (
            <li key={run.id}>
              <a href={`/routines/${run.id}`}>
                {run.title} · {run.groups.map((g) => g.name).join(', ')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
