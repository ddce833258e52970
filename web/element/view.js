// The shadow DOM of <image-field>: static markup, the lookup of its parts, and
// one function that shows the state. Every user-provided string is set as
// text (textContent, attributes), never parsed as markup.
import { splitPlaceholder } from './strings.js';
import { canShareFiles } from './toolbar.js';

const TEMPLATE = `
<span class="label" part="label" id="label"></span>
<div class="frame" part="frame" role="group">
  <button type="button" class="dropzone" part="dropzone" aria-describedby="message">
    <span class="heading"></span><span class="body"></span>
  </button>
  <div class="empty" part="empty"><span class="heading"></span><span class="body"></span></div>
  <img class="image" part="image" alt="" draggable="false">
  <canvas class="image" part="image" role="img"></canvas>
  <canvas class="overlay" part="overlay" aria-hidden="true" hidden></canvas>
  <video class="video" part="video" playsinline muted hidden></video>
  <div class="camera-bar" part="camera-controls" hidden>
    <button type="button" class="start primary" part="button start-camera-button"></button>
    <label class="device-picker" hidden><span class="device-label"></span>
      <select class="devices" part="device-select"></select></label>
    <button type="button" class="capture primary" part="button capture-button"></button>
    <button type="button" class="cancel-camera" part="button cancel-camera-button"></button>
  </div>
  <div class="toolbar" part="toolbar" hidden>
    <button type="button" class="download" part="button download-button"><svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13.5h10"/></svg></button>
    <button type="button" class="fullscreen" part="button fullscreen-button"><svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10"/></svg></button>
    <button type="button" class="share" part="button share-button"><svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 10V2.5M5 5.5l3-3 3 3M3.5 8.5v5h9v-5"/></svg></button>
    <button type="button" class="remove" part="button remove-button"><svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M3.5 3.5l9 9M12.5 3.5l-9 9"/></svg></button>
  </div>
</div>
<div class="legend" part="legend" role="group" hidden></div>
<div class="sources" part="sources" role="group">
  <button type="button" data-source="upload" part="button source-button"></button>
  <button type="button" data-source="webcam" part="button source-button"></button>
  <button type="button" data-source="clipboard" part="button source-button"></button>
</div>
<p class="message" id="message" part="error" role="alert" aria-live="assertive"></p>
<input type="file" class="file-input" hidden tabindex="-1">
`;

/** The static markup as a fragment, ready to append to the shadow root. */
export function buildShadowContent() {
  const template = document.createElement('template');
  template.innerHTML = TEMPLATE;  // constant markup: no user string ever goes through innerHTML
  return template.content.cloneNode(true);
}

export function queryParts(root) {
  const $ = (selector) => root.querySelector(selector);
  return {
    label: $('.label'), frame: $('.frame'), dropzone: $('.dropzone'), empty: $('.empty'),
    img: $('img'), canvas: $('canvas.image'), overlay: $('canvas.overlay'), legend: $('.legend'), video: $('video'), cameraBar: $('.camera-bar'),
    start: $('.start'), devicePicker: $('.device-picker'), deviceLabel: $('.device-label'), devices: $('.devices'),
    capture: $('.capture'), cancelCamera: $('.cancel-camera'), toolbar: $('.toolbar'), download: $('.download'), fullscreen: $('.fullscreen'),
    share: $('.share'), remove: $('.remove'), sources: $('.sources'), message: $('.message'), fileInput: $('.file-input'),
    sourceButtons: [...root.querySelectorAll('[data-source]')],
    controls: [...root.querySelectorAll('button, select')],
  };
}

export function cssLength(value) {
  if (!value) return '';
  return /^\d+(\.\d+)?$/.test(value) ? `${value}px` : value;
}

/**
 * Shows `state` in the parts: which of drop zone, empty text, camera and
 * toolbar are visible, and every text and accessible name.
 */
export function renderView(p, state) {
  const s = state.strings;
  // editable: the user may change the value (neither readonly nor disabled).
  const { editable, disabled, filled, sources, cameraOn } = state;
  // The camera view: on an empty field, or opened over the value (kept until a capture or cancel).
  const webcamView = editable && state.source === 'webcam' && (!filled || state.cameraOverValue);

  p.label.textContent = state.label;
  p.label.hidden = !state.label || !state.showLabel;
  p.frame.setAttribute('aria-label', state.label || state.alt || s.fieldName);

  const drop = state.placeholder ? splitPlaceholder(state.placeholder) : { heading: s.dropHeading, body: s.dropHint };
  p.dropzone.querySelector('.heading').textContent = drop.heading;
  p.dropzone.querySelector('.body').textContent = drop.body;
  const covered = filled || state.previewing;  // a chosen file shows while it decodes
  p.dropzone.hidden = !editable || covered || webcamView || !sources.includes('upload');
  const empty = state.placeholder ? splitPlaceholder(state.placeholder) : { heading: '', body: s.empty };
  p.empty.querySelector('.heading').textContent = empty.heading;
  p.empty.querySelector('.body').textContent = empty.body;
  p.empty.hidden = covered || (editable && (webcamView || sources.includes('upload')));

  p.img.alt = state.alt;
  p.canvas.setAttribute('aria-label', state.alt || state.label || s.fieldName);
  p.frame.tabIndex = filled && editable ? 0 : -1;  // focusable so Ctrl+V reaches a filled field
  // Disabled: every control is a disabled button (not focusable), the groups say so.
  for (const group of [p.frame, p.sources]) {
    if (disabled) group.setAttribute('aria-disabled', 'true');
    else group.removeAttribute('aria-disabled');
  }
  for (const control of p.controls) control.disabled = disabled;

  p.video.hidden = !webcamView || !cameraOn;
  p.video.classList.toggle('mirrored', state.mirror);
  p.cameraBar.hidden = !webcamView;
  p.start.hidden = cameraOn;
  p.start.textContent = s.startCamera;
  p.capture.hidden = !cameraOn;
  p.capture.textContent = s.capture;
  p.cancelCamera.hidden = !(webcamView && filled);
  p.cancelCamera.textContent = s.cancelCamera;
  p.deviceLabel.textContent = `${s.chooseCamera} `;
  if (!cameraOn) p.devicePicker.hidden = true;

  p.toolbar.hidden = !filled || webcamView;
  const labels = {
    download: s.download, fullscreen: state.fullscreen ? s.exitFullscreen : s.fullscreen, share: s.share, remove: s.remove,
  };
  for (const [name, text] of Object.entries(labels)) {
    p[name].setAttribute('aria-label', text);
    p[name].title = text;
  }
  p.download.hidden = !state.buttons.has('download');
  p.fullscreen.hidden = !state.buttons.has('fullscreen') || !state.fullscreenEnabled;
  p.share.hidden = !state.buttons.has('share') || !filled || !canShareFiles(new File([], 'image.png', { type: 'image/png' }));
  p.remove.hidden = !editable;

  p.sources.hidden = !editable || (sources.length < 2 && !sources.includes('clipboard'));
  const sourceText = { upload: s.sourceUpload, webcam: s.sourceWebcam, clipboard: s.sourceClipboard };
  for (const button of p.sourceButtons) {
    const source = button.dataset.source;
    button.textContent = sourceText[source];
    button.hidden = !sources.includes(source);
    if (source !== 'clipboard') button.setAttribute('aria-pressed', String(state.source === source));
  }
}
