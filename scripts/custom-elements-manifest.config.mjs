// `npm run manifest`: custom-elements.json (Custom Elements Manifest) for <image-field>,
// written at the package root and shipped with it.
import { imageFieldManifest } from './image-field-manifest.mjs';

export default {
  globs: ['web/element/index.js', 'web/element/image-field.js'],
  outdir: '.',
  packagejson: false,
  plugins: [imageFieldManifest()],
};
