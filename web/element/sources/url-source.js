// A value given as a URL: fetched by the page (with its cookies and CORS
// rules), then handled as the file it is.
import { ImageFieldError } from '../../core/error.js';

export async function fetchBlob(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new ImageFieldError('decode_failed', `the image at ${JSON.stringify(url)} could not be fetched (${error.message})`);
  }
  if (!response.ok) {
    // The error page is not read: end its download now rather than whenever it is collected.
    await response.body?.cancel().catch(() => {});
    throw new ImageFieldError('decode_failed', `the image at ${JSON.stringify(url)} answered HTTP ${response.status}`);
  }
  return response.blob();
}
