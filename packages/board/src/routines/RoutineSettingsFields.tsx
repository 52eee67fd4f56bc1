import type { RoutineSettings } from '@roundtable/shared';
import { useT } from '../i18n';
import type { TemplateSummary } from './routines-api';

/** What the librarian set for a template's phases and dots (in the template's order). */
export interface ChosenSettings {
  phaseSeconds: (number | null)[];
  votesPerParticipant: number | null;
}

export const defaultSettings = (template: TemplateSummary | undefined): ChosenSettings => ({
  phaseSeconds: template?.phases.map((p) => p.seconds) ?? [],
  votesPerParticipant: template?.votesPerParticipant ?? null,
});

/** The settings as the server takes them (only what a template has). */
export const settingsForServer = (settings: ChosenSettings): RoutineSettings => ({
  phaseSeconds: settings.phaseSeconds,
  ...(settings.votesPerParticipant === null
    ? {}
    : { votesPerParticipant: settings.votesPerParticipant }),
});

/**
 * Each timed phase's length in minutes and the dots each person gets, editable before the
 * routine starts (the template's values to begin with).
 */
export function RoutineSettingsFields({
  template,
  value,
  onChange,
}: {
  template: TemplateSummary;
  value: ChosenSettings;
  onChange: (next: ChosenSettings) => void;
}) {
  const t = useT();
  const timed = template.phases.some((p) => p.seconds !== null);
  if (!timed && template.votesPerParticipant === null) return null;
  return (
    <fieldset className="routine-settings">
      <legend>{t('settings.timing')}</legend>
      {template.phases.map((phase, i) =>
        phase.seconds === null ? null : (
          <label key={phase.name} className="field inline">
            {phase.name}
            <input
              type="number"
              aria-label={t('settings.phaseMinutes', { phase: phase.name })}
              min={0.5}
              max={120}
              step={0.5}
              value={(value.phaseSeconds[i] ?? phase.seconds) / 60}
              onChange={(event) => {
                const minutes = Number(event.currentTarget.value);
                if (!Number.isFinite(minutes) || minutes <= 0) return;
                const seconds = Math.min(7200, Math.max(30, Math.round(minutes * 60)));
                onChange({
                  ...value,
                  phaseSeconds: value.phaseSeconds.map((s, j) => (j === i ? seconds : s)),
                });
              }}
            />
            <span>{t('settings.min')}</span>
          </label>
        ),
      )}
      {value.votesPerParticipant !== null && (
        <label className="field inline">
          {t('settings.dotsEach')}
          <input
            type="number"
            aria-label={t('settings.dotsEach')}
            min={1}
            max={20}
            step={1}
            value={value.votesPerParticipant}
            onChange={(event) => {
              const dots = Math.round(Number(event.currentTarget.value));
              if (dots >= 1 && dots <= 20) onChange({ ...value, votesPerParticipant: dots });
            }}
          />
        </label>
      )}
    </fieldset>
  );
}
