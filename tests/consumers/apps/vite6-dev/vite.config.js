// Vite 6's dev server on the Vite app's page, with its own cache folder:
// Vite 8's dev server runs at the same time from the same project.
import { fileURLToPath } from 'node:url';

export default {
  root: fileURLToPath(new URL('../vite', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite6', import.meta.url)),
};
