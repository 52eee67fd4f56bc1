import { JOIN_CODE_LENGTH, normaliseJoinCode } from '@roundtable/shared';
import { useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { LanguagePicker } from '../i18n/LanguagePicker';

/** A tablet without a camera: type the code the table shows, and go to that board. */
export function JoinCodePage() {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    const code = normaliseJoinCode(typed);
    if (!code) {
      setError(t('join.codeShape', { length: JOIN_CODE_LENGTH }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { boardId } = await api<{ boardId?: string }>('GET', `/api/join/${code}`);
      if (!boardId) throw new Error(t('join.noBoard'));
      window.location.assign(`/b/${boardId}?layout=tablet`);
    } catch (caught) {
      setError(t('join.failed', { reason: (caught as Error).message }));
      setBusy(false);
    }
  };
  return (
    <main className="join-page">
      <form
        className="join-sheet"
        aria-label={t('join.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          void go();
        }}
      >
        <h1>{t('app.name')}</h1>
        <h2>{t('join.typeCode')}</h2>
        <input
          aria-label={t('join.codeLabel')}
          className="code-input"
          value={typed}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          placeholder="ABC 234"
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        {error && (
          <p className="join-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="join-button" disabled={busy || !typed.trim()}>
          {busy ? t('join.finding') : t('join.go')}
        </button>
        <LanguagePicker />
      </form>
    </main>
  );
}

/** The home page's way in for students: a card that leads to this page. */
export function JoinBoardLink() {
  const t = useT();
  return (
    <a className="exhibit-card home-link" href="/join">
      <span className="exhibit-card-title">{t('join.card')}</span>
      <span className="exhibit-card-meta">{t('join.typeCode')}</span>
    </a>
  );
}
