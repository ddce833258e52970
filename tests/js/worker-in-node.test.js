// Node has no Worker: the Worker-based APIs say so with an ImageFieldError
// (worker_failed), not a ReferenceError, and point to the synchronous core.
import { ContainedDecoder, ImageFieldError, loadCore } from '../../web/index.js';

test('new ContainedDecoder() in Node throws worker_failed', () => {
  let error = null;
  try {
    new ContainedDecoder();  // eslint-disable-line no-new
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(ImageFieldError);
  expect(error).toMatchObject({ code: 'worker_failed', message: expect.stringContaining('loadCore()') });
});

test('loadCore({ worker: true }) in Node rejects with worker_failed; loadCore() works', async () => {
  await expect(loadCore({ worker: true })).rejects.toMatchObject({ code: 'worker_failed' });
  await expect(loadCore({ worker: true })).rejects.toBeInstanceOf(ImageFieldError);
  const core = await loadCore({ worker: false });
  expect(core.guessMode([2, 2, 3])).toBe('RGB');
});
