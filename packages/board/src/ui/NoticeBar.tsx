import { useEffect } from 'react';
import type { BoardController } from '../controller/controller';
import { t } from '../i18n';
import { useControllerState } from './useControllerState';

const ERROR_SHOWN_MS = 7000;

/** Work in progress ("Adding the picture…") and what went wrong, in plain words. */
export function NoticeBar({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['notice']);
  const notice = controller.notice;
  useEffect(() => {
    if (!notice || notice.kind === 'busy') return;
    const timer = setTimeout(() => {
      if (controller.notice === notice) controller.setNotice(null);
    }, ERROR_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [controller, notice]);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      {notice.kind === 'busy' && <span className="spinner" aria-hidden="true" />}
      <span>{notice.text}</span>
      {notice.kind !== 'busy' && (
        <button type="button" className="notice-close" onClick={() => controller.setNotice(null)}>
          {t('notice.ok')}
        </button>
      )}
    </div>
  );
}
