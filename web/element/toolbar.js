// The buttons over a shown image: download, fullscreen, share, remove.
/** `buttons` attribute → the set of toolbar buttons it names. */
export function parseButtons(attribute) {
  const names = (attribute ?? 'download fullscreen share').split(/[\s,]+/).filter(Boolean);
  return new Set(names);
}

/** Saves a Blob under `fileName` through a temporary link. */
export function downloadBlob(blob, fileName, ownerDocument) {
  const url = URL.createObjectURL(blob);
  const link = ownerDocument.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  ownerDocument.body.append(link);
  link.click();
  link.remove();
  // The download has taken the URL once the click was handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Whether the Web Share API can share this file here. */
export function canShareFiles(file) {
  return typeof navigator.share === 'function' && typeof navigator.canShare === 'function'
    && navigator.canShare({ files: [file] });
}

export async function toggleFullscreen(element) {
  if (element.ownerDocument.fullscreenElement) await element.ownerDocument.exitFullscreen();
  else await element.requestFullscreen();
}
