// The camera: opened only on request, every track stopped whenever it is left
// (capture, clear, source or device switch, disconnect), including a stream
// that arrives after the user already moved on.
import { ImageFieldError } from '../../core/error.js';

function cameraError(error, strings) {
  if (error?.name === 'NotAllowedError' || error?.name === 'SecurityError') {
    return new ImageFieldError('camera_denied', strings.cameraDenied);
  }
  const reason = error?.message ? ` (${error.name}: ${error.message})` : '';
  return new ImageFieldError('camera_unavailable', `${strings.cameraUnavailable}${reason}`);
}

export class WebcamSource {
  #video;
  #stream = null;
  #opening = 0;  // increments on every start/stop: a stale getUserMedia result is discarded

  /** @param {HTMLVideoElement} video the live preview */
  constructor(video) {
    this.#video = video;
  }

  get active() {
    return this.#stream !== null;
  }

  get deviceId() {
    return this.#stream?.getVideoTracks()[0]?.getSettings().deviceId ?? '';
  }

  /**
   * Opens the camera (closing any open one first).
   * @param {{ constraints?: MediaTrackConstraints, deviceId?: string, strings: object }} options
   */
  async start({ constraints, deviceId, strings }) {
    this.stop();
    const attempt = ++this.#opening;
    if (!globalThis.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      throw new ImageFieldError('camera_unavailable', strings.cameraInsecure);
    }
    const video = { ...(constraints ?? {}) };
    if (deviceId) video.deviceId = { exact: deviceId };
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: Object.keys(video).length ? video : true, audio: false });
    } catch (error) {
      if (attempt !== this.#opening) return false;
      throw cameraError(error, strings);
    }
    if (attempt !== this.#opening) {
      // The user switched away while the browser was asking: release at once.
      for (const track of stream.getTracks()) track.stop();
      return false;
    }
    this.#stream = stream;
    this.#video.srcObject = stream;
    await this.#video.play().catch(() => {});
    if (!this.#video.videoWidth) {
      await new Promise((resolve) => this.#video.addEventListener('loadedmetadata', resolve, { once: true }));
    }
    return attempt === this.#opening;
  }

  stop() {
    this.#opening++;
    if (this.#stream) {
      for (const track of this.#stream.getTracks()) track.stop();
      this.#stream = null;
    }
    this.#video.srcObject = null;
  }

  /** Video input devices; labels are filled once permission was given. */
  static async devices() {
    if (!navigator.mediaDevices?.enumerateDevices) return [];
    return (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'videoinput');
  }

  /** The current frame as a VideoFrame, for the core Worker to draw (the page reads no pixels). */
  grabVideoFrame() {
    this.#checkRunning();
    return new VideoFrame(this.#video, { timestamp: Math.round(this.#video.currentTime * 1e6) });
  }

  #checkRunning() {
    if (!this.#stream || !this.#video.videoWidth) {
      throw new ImageFieldError('camera_unavailable', 'the camera is not running; start it first');
    }
  }

  /**
   * The current frame as an RGBA raster, flipped horizontally when `mirror`
   * so the pixels match the mirrored preview the user saw.
   */
  grab(mirror) {
    this.#checkRunning();
    const video = this.#video;
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (mirror) {
      context.translate(canvas.width, 0);
      context.scale(-1, 1);
    }
    context.drawImage(video, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width, height, mode: 'RGBA', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  }
}
