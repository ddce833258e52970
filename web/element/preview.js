// What the field shows: the local file at once (an object URL, no round trip),
// then the value itself drawn on a canvas. Owns the object URL and maps clicks
// to natural image pixels, excluding the letterbox bars of object-fit: contain.
export class Preview {
  #img;
  #canvas;
  #url = null;

  constructor(img, canvas) {
    this.#img = img;
    this.#canvas = canvas;
    this.clear();
  }

  /** The element currently showing the image, or null. */
  get shown() {
    if (!this.#canvas.hidden) return this.#canvas;
    if (!this.#img.hidden) return this.#img;
    return null;
  }

  /** Shows a local file immediately, before it is decoded. */
  showFile(file) {
    this.#revoke();
    this.#url = URL.createObjectURL(file);
    this.#img.src = this.#url;
    this.#img.hidden = false;
    this.#canvas.hidden = true;
  }

  /** Shows the value's pixels (RGBA ImageData of the raster); drops the file preview. */
  showPixels(pixels) {
    this.#canvas.width = pixels.width;
    this.#canvas.height = pixels.height;
    this.#canvas.getContext('2d').putImageData(pixels, 0, 0);
    // Small arrays blown up to the frame stay crisp squares instead of smears.
    const frame = this.#canvas.parentElement;
    const upscaled = frame && pixels.width * 2 <= frame.clientWidth && pixels.height * 2 <= frame.clientHeight;
    this.#canvas.style.imageRendering = upscaled ? 'var(--image-field-upscale-rendering, pixelated)' : '';
    this.#canvas.hidden = false;
    this.#img.hidden = true;
    this.#revoke();
  }

  /** Shows again the pixels last drawn (after a file preview that failed); drops the file preview. */
  showDrawn() {
    this.#canvas.hidden = false;
    this.#img.hidden = true;
    this.#revoke();
  }

  clear() {
    this.#revoke();
    this.#img.hidden = true;
    this.#canvas.hidden = true;
    this.#canvas.width = 0;
    this.#canvas.height = 0;
  }

  #revoke() {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = null;
    this.#img.removeAttribute('src');
  }

  /** The object URL of a file still being decoded, or null. */
  get objectUrl() {
    return this.#url;
  }

  /**
   * Client coordinates → [x, y] in natural pixels, or null outside the
   * picture (on the letterbox bars).
   */
  pixelAt(clientX, clientY) {
    const element = this.shown;
    if (!element) return null;
    const naturalWidth = element === this.#canvas ? element.width : element.naturalWidth;
    const naturalHeight = element === this.#canvas ? element.height : element.naturalHeight;
    if (!naturalWidth || !naturalHeight) return null;
    const box = element.getBoundingClientRect();
    const scale = Math.min(box.width / naturalWidth, box.height / naturalHeight);
    const left = box.left + (box.width - naturalWidth * scale) / 2;
    const top = box.top + (box.height - naturalHeight * scale) / 2;
    const x = Math.floor((clientX - left) / scale);
    const y = Math.floor((clientY - top) / scale);
    if (x < 0 || y < 0 || x >= naturalWidth || y >= naturalHeight) return null;
    return [x, y];
  }
}
