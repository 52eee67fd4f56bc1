import { useState } from 'react';
import { download } from './export-png';

/** A file made for download: what it holds and what it is called. */
export interface MadeFile {
  blob: Blob;
  name: string;
}

/**
 * Exports that take turns: one file is made at a time, and `making` says which (by the label
 * of the button that asked), so every button of the group waits meanwhile.
 */
export function useExports(onError?: (caught: Error) => void) {
  const [making, setMaking] = useState<string | null>(null);
  const make = async (which: string, file: () => Promise<MadeFile>) => {
    setMaking(which);
    try {
      const { blob, name } = await file();
      download(blob, name);
    } catch (caught) {
      if (!onError) throw caught;
      onError(caught as Error);
    } finally {
      setMaking(null);
    }
  };
  return { making, make };
}

/** A button that makes a file and downloads it, saying so while it works. */
export function ExportButton({
  exports,
  label,
  busyLabel,
  file,
  secondary = false,
}: {
  exports: ReturnType<typeof useExports>;
  label: string;
  busyLabel: string;
  file: () => Promise<MadeFile>;
  secondary?: boolean;
}) {
  return (
    <button
      type="button"
      className={secondary ? 'pencil-action secondary' : 'pencil-action'}
      disabled={exports.making !== null}
      onClick={() => exports.make(label, file)}
    >
      {exports.making === label ? busyLabel : label}
    </button>
  );
}
