import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  // Rollup does not follow new Worker(new URL(...)): the package's two Worker
  // scripts are entries of their own, written beside the app's bundle.
  input: {
    main: here('./main.js'),
    'pipeline-worker': here('../../node_modules/imagefield/web/pipeline/pipeline-worker.js'),
    'core-worker': here('../../node_modules/imagefield/web/worker/core-worker.js'),
  },
  output: { dir: here('./dist'), format: 'es', entryFileNames: '[name].js' },
  plugins: [nodeResolve({ browser: true }), terser()],
};
