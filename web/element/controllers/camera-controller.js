// The field's camera: starting and stopping it, the device picker, the
// frames it hands to the pipeline (a VideoFrame for the Worker to draw, or
// pixels grabbed here), and the `stream` ticks. Every track is stopped
// whenever the camera is left.
import { WebcamSource } from '../sources/webcam-source.js';

export class CameraController {
  #webcam;
  #parts;
  #host;
  #streamTimer = 0;

  /**
   * @param {object} host the element: strings, webcamConstraints, mirror, streamEvery,
   *   render(), fail(error), frameValue(frameSource) → Promise of a value, emit(type, detail)
   * @param {object} parts the shadow DOM parts (video, devices, devicePicker, message)
   */
  constructor(host, parts) {
    this.#host = host;
    this.#parts = parts;
    this.#webcam = new WebcamSource(parts.video);
  }

  get active() {
    return this.#webcam.active;
  }

  /** Opens the camera (the device picked, or the default); resolves true once it shows frames. */
  async start(deviceId) {
    const host = this.#host;
    try {
      const started = await this.#webcam.start({ constraints: host.webcamConstraints, deviceId, strings: host.strings });
      if (!started) return false;
      this.#parts.message.textContent = '';
      await this.#listDevices();
      this.#startStreaming();
      host.render();
      return true;
    } catch (error) {
      host.render();
      host.fail(error);
      return false;
    }
  }

  stop() {
    clearInterval(this.#streamTimer);
    this.#streamTimer = 0;
    this.#webcam.stop();
  }

  /** The current frame as the pipeline's source: a VideoFrame for a Worker to draw, or RGBA pixels grabbed here. */
  frame(inWorker) {
    const { mirror } = this.#host;
    if (inWorker && typeof VideoFrame !== 'undefined') return { frame: this.#webcam.grabVideoFrame(), mirror };
    return { frame: this.#webcam.grab(mirror) };
  }

  async #listDevices() {
    const devices = await WebcamSource.devices();
    const select = this.#parts.devices;
    select.replaceChildren(...devices.map((device, index) => {
      const option = document.createElement('option');
      option.value = device.deviceId;
      option.textContent = device.label || `${this.#host.strings.chooseCamera} ${index + 1}`;
      return option;
    }));
    select.value = this.#webcam.deviceId;
    this.#parts.devicePicker.hidden = devices.length < 2;
  }

  #startStreaming() {
    clearInterval(this.#streamTimer);
    const every = this.#host.streamEvery;
    if (!every) return;
    let busy = false;
    this.#streamTimer = setInterval(async () => {
      if (busy || !this.#webcam.active) return;  // a slow consumer skips ticks rather than queueing them
      busy = true;
      try {
        this.#host.emit('stream', { value: await this.#host.frameValue() });
      } catch (error) {
        this.#host.fail(error);
      } finally {
        busy = false;
      }
    }, every * 1000);
  }
}
