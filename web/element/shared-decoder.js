// The element decodes user-provided bytes with the core only inside a Worker
// (ContainedDecoder): stb_image 2.27 has memory bugs no flag removes, and a
// trap there must not take the page's own core down with it. One decoder
// serves every field of the page; its Worker starts on the first decode.
import { ContainedDecoder } from '../pipeline/contained-decoder.js';

let shared = null;

/** The page's ContainedDecoder, or null where Workers do not exist. */
export function sharedDecoder() {
  if (typeof Worker === 'undefined') return null;
  shared ??= new ContainedDecoder();
  return shared;
}
