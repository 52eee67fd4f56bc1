import type { ExhibitInfo } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { exhibitImageUrl, formatDate, listExhibits } from './exhibits-api';

/** How long each exhibit stays on the big screen. */
export const SLIDE_MS = 8000;

/**
 * Exhibits one after another, full screen: the gallery for the library's big screen, and the
 * table's "attract" mode when nobody has touched it for a while.
 */
export function Slideshow({ onTouch }: { onTouch?: () => void }) {
  const [exhibits, setExhibits] = useState<ExhibitInfo[] | null>(null);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    listExhibits().then(setExhibits, () => setExhibits([]));
  }, []);
  useEffect(() => {
    if (!exhibits || exhibits.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % exhibits.length), SLIDE_MS);
    return () => clearInterval(timer);
  }, [exhibits]);
  const current = exhibits?.[index % Math.max(1, exhibits.length)];
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
      {exhibits?.length === 0 && <p className="slideshow-empty">Exhibits will show here.</p>}
      {current && (
        <figure key={current.id} className="slide">
          <img src={exhibitImageUrl(current.id)} alt={`The board “${current.title}”`} />
          <figcaption>
            <strong>{current.title}</strong>
            <span>
              {[current.group, formatDate(current.createdAt)].filter(Boolean).join(' · ')}
            </span>
          </figcaption>
        </figure>
      )}
      {onTouch && <p className="slideshow-hint">Touch anywhere to draw</p>}
    </div>
  );
}
