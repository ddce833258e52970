// Images from the clipboard: the async Clipboard API for the paste button and
// the `paste` event for Ctrl/Cmd+V.
import { ImageFieldError } from '../../core/error.js';

function named(blob) {
  if (blob instanceof File && blob.name) return blob;
  const extension = (blob.type.split('/')[1] || 'png').replace(/[^a-z0-9]/gi, '');
  return new File([blob], `clipboard.${extension}`, { type: blob.type });
}

const empty = () => new ImageFieldError('clipboard_empty', 'the clipboard holds no image; copy an image and paste again');

/** The image file of a paste event; null when it carries none, or with `required` a clipboard_empty error. */
export function fileFromPasteEvent(event, { required = false } = {}) {
  const files = [...(event.clipboardData?.files ?? [])];
  const image = files.find((file) => file.type.startsWith('image/'))
    ?? [...(event.clipboardData?.items ?? [])].find((item) => item.kind === 'file' && item.type.startsWith('image/'))?.getAsFile();
  if (image) return named(image);
  if (required) throw empty();
  return null;
}

/** Reads an image through navigator.clipboard.read(). */
export async function readClipboardImage() {
  if (!navigator.clipboard?.read) {
    throw new ImageFieldError('clipboard_denied', 'this browser does not let pages read the clipboard; press Ctrl+V (Cmd+V) instead');
  }
  let items;
  try {
    items = await navigator.clipboard.read();
  } catch (error) {
    if (error?.name === 'NotAllowedError') {
      throw new ImageFieldError('clipboard_denied', 'reading the clipboard was not allowed; allow it for this site or press Ctrl+V (Cmd+V)');
    }
    if (error?.name === 'DataError' || error?.name === 'NotFoundError') throw empty();
    throw new ImageFieldError('clipboard_denied', `the clipboard could not be read (${error?.name}: ${error?.message})`);
  }
  for (const item of items) {
    const type = item.types.find((t) => t.startsWith('image/'));
    if (type) return named(await item.getType(type));
  }
  throw empty();
}
