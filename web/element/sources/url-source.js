// A value given as a URL: fetched by the page (with its cookies and CORS
// rules), then handled as the file it is.
import { ImageFieldError } from '../../core/error.js';

const ERROR_PAGE_BYTES = 1 << 20;

/**
 * Reads an error page to its end (up to 1 MiB, then cancels): a response left
 * unread is aborted whenever it is collected, which browsers report as a
 * second, later failure of the same request.
 */
async function drainErrorPage(response) {
  const reader = response.body?.getReader();
  if (!reader) return;
  try {
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > ERROR_PAGE_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The status is what the error reports; a body that fails to arrive changes nothing.
  }
}

export async function fetchBlob(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new ImageFieldError('decode_failed', `the image at ${JSON.stringify(url)} could not be fetched (${error.message})`);
  }
  if (!response.ok) {
    await drainErrorPage(response);
    throw new ImageFieldError('decode_failed', `the image at ${JSON.stringify(url)} answered HTTP ${response.status}`);
  }
  return response.blob();
}
