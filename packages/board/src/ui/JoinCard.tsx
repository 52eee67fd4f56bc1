import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { t as translate, useT } from '../i18n';
import { Icon } from './icons';
import { PanelHeader, TableAction } from './TablePanel';
import { usePanelOpen } from './table/panel-state';
import { Sheet } from './table/Sheet';

interface JoinInfo {
  code: string;
  urls: string[];
  /** The QR code as a PNG data URL. */
  qr: string;
}

async function loadJoinInfo(boardId: string): Promise<JoinInfo> {
  const response = await fetch(`/api/boards/${boardId}/join`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { code, urls } = (await response.json()) as { code: string; urls: string[] };
  const qr = await QRCode.toDataURL(urls[0] ?? window.location.href, {
    margin: 1,
    width: 560,
    color: { dark: '#1f2a44', light: '#ffffff' },
  });
  return { code, urls, qr };
}

/** The board's join code, URLs and QR code, loaded once `active` (an error says why not). */
export function useJoinInfo(boardId: string, active = true) {
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!active || info) return;
    loadJoinInfo(boardId).then(setInfo, (caught: Error) =>
      setError(translate('joinCard.loadFailed', { reason: caught.message })),
    );
  }, [active, info, boardId]);
  return { info, error };
}

/**
 * "Join from a tablet": a QR code to scan and a short code to type at /join, big enough to
 * read from across the table.
 */
export function JoinCard({ boardId }: { boardId: string }) {
  const t = useT();
  const [open, setOpen] = usePanelOpen('join');
  const { info, error } = useJoinInfo(boardId, open);
  const button = (
    <TableAction
      name={t('joinCard.title')}
      icon={<Icon name="qr" />}
      label={t('joinCard.title')}
      pressed={open}
      onOpen={() => setOpen(!open)}
    />
  );
  if (!open) return button;
  return (
    <>
      {button}
      <Sheet className="join-card" label={t('joinCard.title')} onClose={() => setOpen(false)}>
        <PanelHeader onClose={() => setOpen(false)}>{t('joinCard.title')}</PanelHeader>
        {error && <p role="alert">{error}</p>}
        {!info && !error && <p>{t('joinCard.loading')}</p>}
        {info && (
          <div className="join-card-body">
            <img
              className="qr"
              data-testid="join-qr"
              src={info.qr}
              alt={t('joinCard.qrAlt', { url: info.urls[0] ?? '' })}
            />
            <div>
              <p>{t('joinCard.scanOrOpen')}</p>
              <p className="join-url" data-testid="join-url">
                {new URL(info.urls[0]!).host}/join
              </p>
              <p>{t('joinCard.andType')}</p>
              <p className="join-code" data-testid="join-code">
                {info.code.slice(0, 3)} {info.code.slice(3)}
              </p>
            </div>
          </div>
        )}
      </Sheet>
    </>
  );
}
