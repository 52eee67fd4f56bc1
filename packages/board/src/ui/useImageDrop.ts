import { type RefObject, useEffect } from 'react';
import type { BoardController } from '../controller/controller';
import { addImageFile } from '../images/add-image-file';

const imagesIn = (files: FileList | undefined | null) =>
  [...(files ?? [])].filter((file) => file.type.startsWith('image/'));

/** Pictures dropped on the board land where they are dropped; pasted ones mid-screen. */
export function useImageDrop(target: RefObject<HTMLElement | null>, controller: BoardController) {
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const files = imagesIn(event.dataTransfer?.files);
      if (files.length === 0) return;
      event.preventDefault();
      const origin = element.getBoundingClientRect();
      files.forEach((file, i) => {
        const at = {
          x: event.clientX - origin.left + i * 32,
          y: event.clientY - origin.top + i * 32,
        };
        void addImageFile(controller, file, at);
      });
    };
    const paste = (event: ClipboardEvent) => {
      // Text pasted into a note stays text.
      if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement)
        return;
      const files = imagesIn(event.clipboardData?.files);
      if (files.length === 0) return;
      event.preventDefault();
      for (const file of files) void addImageFile(controller, file);
    };
    element.addEventListener('dragover', over);
    element.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, [target, controller]);
}
