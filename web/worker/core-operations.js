// The core's methods as Worker operations: (core, args) → core[name](...args).
// Everything a Core does synchronously, a WorkerCore does here.
export const CORE_METHODS = ['guessMode', 'toUint8', 'fromArray', 'toImageData', 'decode', 'encode', 'convert', 'maskOverlay', 'watermark'];

export const coreOperations = Object.freeze(Object.fromEntries(
  CORE_METHODS.map((name) => [name, (core, args) => core[name](...args)]),
));
