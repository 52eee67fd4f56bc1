import { useState } from 'react';
import { useT } from '../i18n';
import type { LibrarianSession } from '../sync/librarian-session';

/** The PIN form: set it on a fresh install (with the server's setup code), else sign in. */
export function LibrarianSignIn({
  session,
  onDone = () => {},
}: {
  session: LibrarianSession;
  onDone?: () => void;
}) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { state } = session;
  if (!state) return null;
  const settingUp = !state.pinSet;
  const submit = async () => {
    setError(null);
    try {
      if (settingUp) await session.setUp(pin, code);
      else await session.signIn(pin);
      setPin('');
      setCode('');
      onDone();
    } catch (caught) {
      setError((caught as Error).message);
      // A PIN set meanwhile elsewhere, say: the form follows what the server says now.
      session.refresh();
    }
  };
  return (
    <form
      className="librarian-sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p>{settingUp ? t('signIn.choosePin') : t('signIn.enterPin')}</p>
      {settingUp && (
        <>
          <input
            aria-label={t('signIn.setupCode')}
            className="setup-code"
            placeholder={t('signIn.setupCode')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.toUpperCase())}
          />
          <p className="hint">{t('signIn.setupHint')}</p>
        </>
      )}
      <input
        aria-label={t('signIn.pin')}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        placeholder={settingUp ? t('signIn.newPin') : undefined}
        maxLength={12}
        value={pin}
        onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, ''))}
      />
      {error && (
        <p className="join-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="pencil-action"
        disabled={pin.length < 4 || (settingUp && code.trim() === '')}
      >
        {settingUp ? t('signIn.setAndSignIn') : t('signIn.signIn')}
      </button>
    </form>
  );
}
