// Every text the element shows. A page replaces any of them through the
// `strings` property (for another language or wording); all are set as text.
export const DEFAULT_STRINGS = Object.freeze({
  fieldName: 'Image',
  dropHeading: 'Drop an image here',
  dropHint: 'or click to choose a file',
  empty: 'No image',
  sourceUpload: 'Upload',
  sourceWebcam: 'Webcam',
  sourceClipboard: 'Paste from clipboard',
  startCamera: 'Start camera',
  capture: 'Take photo',
  cancelCamera: 'Cancel',
  chooseCamera: 'Camera',
  download: 'Download',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  share: 'Share',
  remove: 'Remove image',
  legend: 'Classes',
  valueMissing: 'Please provide an image.',
  cameraDenied: 'Camera access was denied. Allow the camera for this site in the browser settings and try again.',
  cameraUnavailable: 'No camera could be opened.',
  cameraInsecure: 'The camera needs a secure page (https or localhost).',
});

/** Merges the page's overrides over the defaults, keeping only known keys with string values. */
export function mergeStrings(overrides) {
  const merged = { ...DEFAULT_STRINGS };
  if (overrides && typeof overrides === 'object') {
    for (const key of Object.keys(DEFAULT_STRINGS)) {
      if (typeof overrides[key] === 'string') merged[key] = overrides[key];
    }
  }
  return Object.freeze(merged);
}

/**
 * Splits a placeholder into an optional heading (first line starting with
 * `#`) and body text. Both are shown as text, never parsed as HTML.
 */
export function splitPlaceholder(placeholder) {
  const lines = String(placeholder).split('\n');
  if (/^\s*#/.test(lines[0])) {
    return { heading: lines[0].replace(/^\s*#+\s*/, ''), body: lines.slice(1).join('\n').trim() };
  }
  return { heading: '', body: String(placeholder).trim() };
}
