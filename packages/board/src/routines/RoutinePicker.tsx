import { useEffect, useState } from 'react';
import {
  type ChosenSettings,
  defaultSettings,
  RoutineSettingsFields,
  settingsForServer,
} from './RoutineSettingsFields';
import {
  keepAsTemplate,
  listTemplates,
  startRoutineOnBoard,
  type TemplateSummary,
} from './routines-api';

/**
 * The templates the librarian can start (loaded once; an error message if they cannot be)
 * and the one chosen, with its question: the first template until the librarian picks.
 */
export function useTemplateChoice() {
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [choice, setChoice] = useState<{ templateId: string; prompt: string } | null>(null);
  const [settings, setSettings] = useState<{ templateId: string; value: ChosenSettings } | null>(
    null,
  );
  useEffect(() => {
    listTemplates().then(setTemplates, (caught: Error) => setLoadError(caught.message));
  }, []);
  const first = templates[0];
  const chosen = choice ?? {
    templateId: first?.id ?? '',
    prompt: first?.prompt?.default ?? '',
  };
  const template = templates.find((t) => t.id === chosen.templateId);
  const chosenSettings =
    settings?.templateId === chosen.templateId ? settings.value : defaultSettings(template);
  const fields = (
    <>
      <TemplateFields
        templates={templates}
        templateId={chosen.templateId}
        prompt={chosen.prompt}
        onChange={(templateId, prompt) => setChoice({ templateId, prompt })}
      />
      {template && (
        <RoutineSettingsFields
          template={template}
          value={chosenSettings}
          onChange={(value) => setSettings({ templateId: chosen.templateId, value })}
        />
      )}
    </>
  );
  return { ...chosen, settings: settingsForServer(chosenSettings), loadError, fields };
}

/** Choose a routine and reword its question: the form both pickers share. */
export function TemplateFields({
  templates,
  templateId,
  prompt,
  onChange,
}: {
  templates: TemplateSummary[];
  templateId: string;
  prompt: string;
  onChange: (templateId: string, prompt: string) => void;
}) {
  const chosen = templates.find((t) => t.id === templateId);
  return (
    <>
      <label className="field">
        Routine
        <select
          aria-label="Routine"
          value={templateId}
          onChange={(event) => {
            const next = templates.find((t) => t.id === event.currentTarget.value);
            onChange(event.currentTarget.value, next?.prompt?.default ?? '');
          }}
        >
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
              {t.saved ? ' (saved board)' : ''}
            </option>
          ))}
        </select>
      </label>
      {chosen && <p className="field-hint">{chosen.summary}</p>}
      {chosen?.prompt && (
        <label className="field">
          {chosen.prompt.label}
          <input
            aria-label={chosen.prompt.label}
            value={prompt}
            maxLength={200}
            onChange={(event) => onChange(templateId, event.currentTarget.value)}
          />
        </label>
      )}
    </>
  );
}

/** The librarian starts a routine on this board, or keeps the board as a template. */
export function RoutinePicker({ boardId, onDone }: { boardId: string; onDone: () => void }) {
  const choice = useTemplateChoice();
  const { loadError } = choice;
  const [status, setStatus] = useState<string | null>(null);
  const start = async () => {
    setStatus('Starting…');
    try {
      await startRoutineOnBoard(boardId, choice.templateId, choice.prompt, choice.settings);
      setStatus(null);
      onDone();
    } catch (caught) {
      setStatus(`Could not start it: ${(caught as Error).message}.`);
    }
  };
  const keep = async () => {
    const title = window.prompt('Name the template', 'Our board');
    if (!title?.trim()) return;
    try {
      await keepAsTemplate(boardId, title.trim());
      setStatus(`Kept as the template “${title.trim()}”.`);
    } catch (caught) {
      setStatus(`Could not keep it: ${(caught as Error).message}.`);
    }
  };
  return (
    <form
      className="routine-picker"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h3>Start a routine</h3>
      {choice.fields}
      {(status ?? loadError) && (
        <p className="field-hint" role="status">
          {status ?? loadError}
        </p>
      )}
      <div className="librarian-actions">
        <button type="submit" className="pencil-action" disabled={!choice.templateId}>
          Start on this board
        </button>
        <button type="button" className="pencil-action secondary" onClick={() => void keep()}>
          Keep this board as a template
        </button>
      </div>
    </form>
  );
}
