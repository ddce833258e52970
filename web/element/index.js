// `import 'imagefield/element'` defines <image-field> (once) and exports its class.
import { ImageField } from './image-field.js';

if (!customElements.get('image-field')) customElements.define('image-field', ImageField);

export { ImageField };
