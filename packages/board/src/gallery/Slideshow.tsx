import type { ExhibitInfo } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { exhibitImageUrl, formatDate, listExhibits } from './exhibits-api';

/** How long each exhibit stays on the big screen. */
export const SLIDE_MS = 8000;

/**
 * Exhibits one after another, full screen: the gallery for the library's big screen, and the
 * table's "attract" mode when nobody has touched it for a while (there any touch ends it).
 * On the big screen it can be paused and stepped through, by its buttons or by keys:
 * ← → step (mirrored right to left), Space or K pauses and plays.
 */
export function Slideshow({ onTouch }: { onTouch?: () => void }) {
  const t = useT();
  const [exhibits, setExhibits] = useState<ExhibitInfo[] | null>(null);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(true);
  const count = exhibits?.length ?? 0;
  useEffect(() => {
    listExhibits().then(setExhibits, () => setExhibits([]));
  }, []);
  // Each slide gets its full time, also after a step by hand.
  useEffect(() => {
    if (!playing || count < 2) return;
    const timer = setTimeout(() => setIndex((index + 1) % count), SLIDE_MS);
    return () => clearTimeout(timer);
  }, [playing, count, index]);
  const step = (by: number) => setIndex((i) => (i + by + count) % Math.max(1, count));
  const controls = !onTouch && count > 1;
  useEffect(() => {
    if (!controls) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const rtl = document.documentElement.dir === 'rtl';
      const onButton = event.target instanceof HTMLButtonElement;
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const forward = (event.key === 'ArrowRight') !== rtl;
        setIndex((i) => (i + (forward ? 1 : -1) + count) % count);
      } else if (event.key === 'k' || (event.key === ' ' && !onButton)) {
        setPlaying((p) => !p);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controls, count]);
  const current = exhibits?.[index % Math.max(1, count)];
  return (
    <div
      className="slideshow"
      data-testid="slideshow"
      onPointerDown={(event) => {
        if (!onTouch) return;
        event.preventDefault();
        event.stopPropagation();
        onTouch();
      }}
    >
      {exhibits?.length === 0 && <p className="slideshow-empty">{t('slideshow.empty')}</p>}
      {/* While it plays by itself it does not talk over the room; paused, a step is read. */}
      <div className="slide-frame" aria-live={playing ? 'off' : 'polite'}>
        {current && (
          <figure key={current.id} className="slide">
            <img
              src={exhibitImageUrl(current.id)}
              alt={t('slideshow.alt', { title: current.title })}
            />
            <figcaption>
              <strong>{current.title}</strong>
              <span>
                {[current.group, formatDate(current.createdAt)].filter(Boolean).join(' · ')}
              </span>
            </figcaption>
          </figure>
        )}
      </div>
      {controls && (
        <fieldset className="slideshow-controls" aria-label={t('slideshow.controls')}>
          <button type="button" onClick={() => step(-1)} aria-label={t('slideshow.previous')}>
            <span aria-hidden="true" className="slideshow-arrow">
              ‹
            </span>
          </button>
          <button
            type="button"
            className="slideshow-play"
            onClick={() => setPlaying((p) => !p)}
            data-playing={playing}
          >
            {playing ? t('slideshow.pause') : t('slideshow.play')}
          </button>
          <button type="button" onClick={() => step(1)} aria-label={t('slideshow.next')}>
            <span aria-hidden="true" className="slideshow-arrow">
              ›
            </span>
          </button>
          <span className="slideshow-position">
            {t('slideshow.position', { index: (index % count) + 1, count })}
          </span>
        </fieldset>
      )}
      {onTouch && <p className="slideshow-hint">{t('slideshow.hint')}</p>}
    </div>
  );
}
