import { useRef } from 'react';
import type { BoardController } from '../controller/controller';
import { t } from '../i18n';
import { addImageFile } from '../images/add-image-file';
import { IMAGE_TYPES } from '../images/prepare-image';
import { Icon } from './icons';

/** A toolbar button that opens a hidden file input (the picker, or a tablet's camera). */
export function FileButton({
  controller,
  label,
  icon,
  camera = false,
  actorId,
  disabled,
}: {
  controller: BoardController;
  label: string;
  icon: string;
  camera?: boolean;
  /** The seat adding it (the table). */
  actorId?: string;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="tool"
        aria-label={label}
        title={label}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <Icon name={icon} />
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid={camera ? 'camera-input' : actorId ? `image-input-${actorId}` : 'image-input'}
        accept={camera ? 'image/*' : IMAGE_TYPES.join(',')}
        capture={camera ? 'environment' : undefined}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          for (const file of files) void addImageFile(controller, file, undefined, actorId);
        }}
      />
    </>
  );
}

/** Add a picture from a file; on a tablet, also take a photo with its camera. */
export function ImageButtons({ controller }: { controller: BoardController }) {
  return (
    <>
      <FileButton controller={controller} label={t('image.add')} icon="image" />
      {controller.layout === 'tablet' && (
        <FileButton controller={controller} label={t('image.photo')} icon="camera" camera />
      )}
    </>
  );
}
