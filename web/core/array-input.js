// Turns what users pass as "an array" (typed arrays, plain number arrays,
// onnxruntime-web and tfjs tensors) into a typed array, its dtype name and a
// shape, with errors that say what was received.
import { ImageFieldError } from './error.js';
import { arrayParts, isArrayInput } from './input-kind.js';

const DTYPES = new Map([
  [Uint8Array, 'uint8'],
  [Uint8ClampedArray, 'uint8'],
  [Int8Array, 'int8'],
  [Uint16Array, 'uint16'],
  [Int16Array, 'int16'],
  [Uint32Array, 'uint32'],
  [Int32Array, 'int32'],
  [Float32Array, 'float32'],
  [Float64Array, 'float64'],
]);

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${value.length}`;
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  return `${typeof value} ${String(value).slice(0, 40)}`;
}

/** A flat typed array the core accepts, plus its dtype name. */
export function toTypedArray(data, what = 'data') {
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const dtype = DTYPES.get(data.constructor);
    if (dtype) return { array: data, dtype };
    // Float16Array where the platform has it: widen, values are exact in float32.
    if (data.constructor.name === 'Float16Array') return { array: Float32Array.from(data), dtype: 'float32' };
    throw new ImageFieldError('invalid_argument',
      `${what} is ${describe(data)}; 64-bit integer arrays are not supported, convert to Int32Array or Float64Array`);
  }
  if (Array.isArray(data)) {
    const flat = data.flat(Infinity);
    for (let i = 0; i < flat.length; i++) {
      const v = flat[i];
      if (typeof v !== 'number' && typeof v !== 'boolean') {
        throw new ImageFieldError('invalid_argument',
          `${what}[${i}] is ${describe(v)}; plain arrays must hold only numbers or booleans`);
      }
    }
    return { array: Float64Array.from(flat, Number), dtype: 'float64' };
  }
  throw new ImageFieldError('invalid_argument',
    `${what} is ${describe(data)}; pass a typed array (Float32Array, Uint8Array, ...), a number array or a tensor`);
}

/** Infers the shape of nested plain arrays ([[[r,g,b], ...], ...]). */
function nestedShape(data) {
  const shape = [];
  let level = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

function checkShape(shape) {
  const ok = Array.isArray(shape) && shape.every((d) => Number.isSafeInteger(d));
  if (!ok) {
    throw new ImageFieldError('invalid_shape',
      `shape ${JSON.stringify(shape) ?? String(shape)} is not an array of integers; pass e.g. [height, width, 3]`);
  }
  return shape;
}

/**
 * Accepts: a typed array or number array with options.shape; nested number
 * arrays (shape inferred); {data, dims} (onnxruntime-web); {data, shape};
 * a tfjs tensor (shape + dataSync()). An explicit options.shape wins.
 */
export function readArrayInput(input, shapeOption) {
  let data = input;
  let shape = shapeOption;
  // A typed array's own `shape` property is not read here: options.shape is its shape.
  if (isArrayInput(input) && !Array.isArray(input) && !ArrayBuffer.isView(input)) {
    const parts = arrayParts(input);
    data = parts.data;
    shape ??= parts.shape;
  }
  if (shape === undefined && Array.isArray(data)) {
    const inferred = nestedShape(data);
    if (inferred.length >= 2) shape = inferred;
  }
  if (shape === undefined) {
    throw new ImageFieldError('invalid_shape',
      'no shape given; pass { shape: [height, width] | [height, width, channels] | [channels, height, width] }');
  }
  const { array, dtype } = toTypedArray(data);
  return { array, dtype, shape: checkShape(Array.from(shape, Number)) };
}

export { checkShape };
