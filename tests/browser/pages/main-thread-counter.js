// Counts the pixel work done on this page's main thread — Wasm modules
// compiled or instantiated, createImageBitmap and getImageData calls — by
// wrapping the globals before the element is loaded. A Worker has its own
// globals, so what it does is not counted.
// A block: top-level consts of a classic script would shadow the globals they wrap.
{
  const counts = { wasm: 0, createImageBitmap: 0, getImageData: 0 };
  window.mainThreadWork = counts;

  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function counted(...args) {
      counts.wasm++;
      return original.apply(this, args);
    };
  }
  for (const name of ['Module', 'Instance']) {
    WebAssembly[name] = new Proxy(WebAssembly[name], {
      construct(target, args, newTarget) {
        counts.wasm++;
        return Reflect.construct(target, args, newTarget);
      },
    });
  }
  const createImageBitmap = window.createImageBitmap;
  window.createImageBitmap = function counted(...args) {
    counts.createImageBitmap++;
    return createImageBitmap.apply(this, args);
  };
  for (const context of [CanvasRenderingContext2D, OffscreenCanvasRenderingContext2D]) {
    const getImageData = context.prototype.getImageData;
    context.prototype.getImageData = function counted(...args) {
      counts.getImageData++;
      return getImageData.apply(this, args);
    };
  }
}
