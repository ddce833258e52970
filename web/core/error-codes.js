// Every code an ImageFieldError can carry: stable API. `origin` says who
// raises it: 'core' codes come from the C++ core (src/base/error_codes.def,
// or the ErrorCode enum before that table exists; a Jest test keeps the two
// equal), 'web' codes from the JavaScript around it. The .d.ts ErrorCode
// union is checked against this table too.
export const ERROR_CODES = Object.freeze({
  invalid_shape: { origin: 'core', meaning: 'a shape (or width/height) that cannot describe an image' },
  invalid_mode: { origin: 'core', meaning: 'a mode name that is not one of the supported modes, or one the call cannot use' },
  invalid_format: { origin: 'core', meaning: 'an encoding format that is not supported' },
  invalid_argument: { origin: 'core', meaning: 'an option or argument of the wrong type or out of range' },
  decode_failed: { origin: 'core', meaning: 'the bytes could not be decoded (truncated, malformed, crashed or hung the decoder)' },
  too_large: { origin: 'core', meaning: 'over a size limit (file bytes, pixels, decode budget, JSON size)' },
  invalid_boxes: { origin: 'core', meaning: 'bounding boxes that wandb.Image would refuse' },
  invalid_mask: { origin: 'core', meaning: 'a segmentation mask that wandb.Image would refuse, or of another size than the image' },
  invalid_classes: { origin: 'core', meaning: 'class labels that wandb.Classes would refuse' },
  unsupported_file: { origin: 'core', meaning: 'a file type the core does not read (or SVG where it is not allowed)' },
  load_failed: { origin: 'web', meaning: 'loadCore() could not fetch, compile or instantiate the .wasm' },
  worker_failed: { origin: 'web', meaning: 'a Worker could not be started here (no Worker, blocked script, failed load inside it)' },
  core_trapped: { origin: 'web', meaning: 'the Wasm instance trapped outside decoding and cannot be used any more' },
  aborted: { origin: 'web', meaning: 'the work was cancelled through its AbortSignal (or a newer action of the same field)' },
  closed: { origin: 'web', meaning: 'the ContainedDecoder or WorkerCore was closed' },
  camera_unavailable: { origin: 'web', meaning: 'no camera could be opened' },
  camera_denied: { origin: 'web', meaning: 'the user or the browser refused the camera' },
  clipboard_empty: { origin: 'web', meaning: 'the clipboard holds no image' },
  clipboard_denied: { origin: 'web', meaning: 'the page may not read the clipboard' },
  fullscreen_refused: { origin: 'web', meaning: 'the browser refused full screen' },
  share_failed: { origin: 'web', meaning: 'the Web Share API refused or failed to share the file' },
});

/** Whether `code` is one of the table's codes. */
export function isErrorCode(code) {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
