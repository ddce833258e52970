// Checks the types of resize() and toTensor() options and hands the core one
// well-typed object; the core checks the values (sizes, lengths, names) and
// names any it refuses.
import { ImageFieldError } from './error.js';

function refuse(message) {
  return new ImageFieldError('invalid_argument', message);
}

function optionsObject(options, what) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw refuse(`${what} options must be an object, got ${typeof options}`);
  return options;
}

function text(value, name, fallback) {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw refuse(`${name} must be a string, got ${JSON.stringify(value)}`);
  return value;
}

function integer(value, name) {
  if (!Number.isSafeInteger(value)) throw refuse(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

function numberList(value, name, lengths) {
  if (value === undefined || value === null) return null;
  const list = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(list) && !ArrayBuffer.isView(list)) {
    throw refuse(`${name} must be an array of numbers, got ${JSON.stringify(value)}`);
  }
  const out = Array.from(list);
  if (!out.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw refuse(`${name} must hold finite numbers only, got ${JSON.stringify(out)}`);
  }
  if (lengths && !lengths.includes(out.length)) {
    throw refuse(`${name} must have ${lengths.join(' or ')} values, got ${out.length}`);
  }
  return out;
}

/** [height, width] of integers, or null when absent. */
function sizePair(value, name) {
  if (value === undefined || value === null) return null;
  const pair = numberList(value, name, [2]);
  if (!pair.every(Number.isSafeInteger)) throw refuse(`${name} must be [height, width] of positive integers, got ${JSON.stringify(value)}`);
  return pair;
}

/** The core's argument list after the raster: [numbers, filter]. */
export function resizeOptionsToCore(options) {
  const o = optionsObject(options, 'resize');
  let reducingGap = NaN;
  if (o.reducingGap !== undefined && o.reducingGap !== null) {
    if (typeof o.reducingGap !== 'number') throw refuse(`reducingGap must be a number ≥ 1, got ${JSON.stringify(o.reducingGap)}`);
    reducingGap = o.reducingGap;
  }
  const box = numberList(o.box, 'box ([left, top, right, bottom])', [4]) ?? [NaN, NaN, NaN, NaN];
  const numbers = Float64Array.of(integer(o.width, 'width'), integer(o.height, 'height'), reducingGap, ...box);
  return [numbers, text(o.filter, 'filter', 'bicubic')];
}

/** The core's argument list after the raster: [numbers, filter, channels, layout, dtype]. */
export function tensorOptionsToCore(options) {
  const o = optionsObject(options, 'toTensor');
  let resizeShorter = NaN;
  let resizeTo = null;
  if (typeof o.resize === 'number') resizeShorter = integer(o.resize, 'resize (the shorter side)');
  else resizeTo = sizePair(o.resize, 'resize');
  let scale = NaN;
  if (o.scale !== undefined && o.scale !== null) {
    if (typeof o.scale !== 'number') throw refuse(`scale must be a number, got ${JSON.stringify(o.scale)}`);
    scale = o.scale;
  }
  const none = [NaN, NaN];
  const color = numberList(o.letterboxColor, 'letterboxColor') ?? [];
  const mean = numberList(o.mean, 'mean') ?? [];
  const std = numberList(o.std, 'std') ?? [];
  const numbers = Float64Array.of(resizeShorter, ...(resizeTo ?? none), ...(sizePair(o.crop, 'crop') ?? none),
    ...(sizePair(o.letterbox, 'letterbox') ?? none), scale, color.length, mean.length, std.length,
    ...color, ...mean, ...std);
  return [numbers, text(o.filter, 'filter', 'bilinear'), text(o.channels, 'channels', 'RGB'),
    text(o.layout, 'layout', 'nchw'), text(o.dtype, 'dtype', 'float32')];
}
