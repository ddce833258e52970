import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  input: here('./main.js'),
  output: { dir: here('./dist'), format: 'es' },
  plugins: [nodeResolve({ browser: true }), terser()],
};
