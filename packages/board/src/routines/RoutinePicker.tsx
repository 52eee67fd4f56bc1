import { useEffect, useState } from 'react';
import { currentLocale, useT } from '../i18n';
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
  useT(); // lists again in the new language when it changes
  const locale = currentLocale();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [choice, setChoice] = useState<{ templateId: string; prompt: string } | null>(null);
  const [settings, setSettings] = useState<{ templateId: string; value: ChosenSettings } | null>(
    null,
  );
  // Built-in routines come worded in the librarian's language (and start in it).
  useEffect(() => {
    listTemplates(locale).then(setTemplates, (caught: Error) => setLoadError(caught.message));
  }, [locale]);
  const first = templates[0];
  const chosen = choice ?? {
    templateId: first?.id ?? '',
    prompt: first?.prompt?.default ?? '',
  };
  const template = templates.find((each) => each.id === chosen.templateId);
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
  return { ...chosen, settings: settingsForServer(chosenSettings), loadError, fields, locale };
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
  const t = useT();
  const chosen = templates.find((each) => each.id === templateId);
  return (
    <>
      <label className="field">
        {t('routine.label')}
        <select
          aria-label={t('routine.label')}
          value={templateId}
          onChange={(event) => {
            const next = templates.find((each) => each.id === event.currentTarget.value);
            onChange(event.currentTarget.value, next?.prompt?.default ?? '');
          }}
        >
          {templates.map((each) => (
            <option key={each.id} value={each.id}>
              {each.saved ? t('routine.savedSuffix', { title: each.title }) : each.title}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <p className="field-hint">{chosen.saved ? t('routine.savedSummary') : chosen.summary}</p>
      )}
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
  const t = useT();
  const choice = useTemplateChoice();
  const { loadError } = choice;
  const [status, setStatus] = useState<string | null>(null);
  const start = async () => {
    setStatus(t('routine.starting'));
    try {
      await startRoutineOnBoard(
        boardId,
        choice.templateId,
        choice.prompt,
        choice.settings,
        choice.locale,
      );
      setStatus(null);
      onDone();
    } catch (caught) {
      setStatus(t('routine.startFailed', { reason: (caught as Error).message }));
    }
  };
  const keep = async () => {
    const title = window.prompt(t('routine.namePrompt'), t('routine.nameDefault'));
    if (!title?.trim()) return;
    try {
      await keepAsTemplate(boardId, title.trim());
      setStatus(t('routine.kept', { title: title.trim() }));
    } catch (caught) {
      setStatus(t('routine.keepFailed', { reason: (caught as Error).message }));
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
      <h3>{t('routine.startTitle')}</h3>
      {choice.fields}
      {(status ?? loadError) && (
        <p className="field-hint" role="status">
          {status ?? loadError}
        </p>
      )}
      <div className="librarian-actions">
        <button type="submit" className="pencil-action" disabled={!choice.templateId}>
          {t('routine.startHere')}
        </button>
        <button type="button" className="pencil-action secondary" onClick={() => void keep()}>
          {t('routine.keep')}
        </button>
      </div>
    </form>
  );
}
