// How the tests catch what the core throws.
import { ImageFieldError } from '../../web/index.js';

/** The error `run` throws; the test fails here if it throws none. */
export function thrown(run) {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/**
 * A file Pillow 9.4 refuses must be refused by the core too, as a decode
 * error: `decode` decodes it, and must throw an ImageFieldError coded
 * decode_failed.
 */
export function expectRefusedAsPillowRefuses(decode) {
  const error = thrown(decode);
  expect(error).toBeInstanceOf(ImageFieldError);
  expect(error.code).toBe('decode_failed');
}
