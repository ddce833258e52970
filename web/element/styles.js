// The element's shadow styles. Colours, radii and sizes come from CSS custom
// properties so a page can theme it without reaching into the shadow root.
export const STYLES = `
:host {
  --image-field-background: #f7f7f8;
  --image-field-color: #1f2328;
  --image-field-muted: #59636e;
  --image-field-border: #d0d7de;
  --image-field-accent: #0969da;
  --image-field-error: #cf222e;
  --image-field-radius: 8px;
  --image-field-button-radius: 6px;
  --image-field-height: 240px;
  display: inline-block;
  box-sizing: border-box;
  width: var(--image-field-width, 320px);
  color: var(--image-field-color);
  font: 14px/1.4 system-ui, sans-serif;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.label { display: block; margin: 0 0 4px; font-weight: 600; }
.label[hidden] { display: none; }
.frame {
  position: relative;
  height: var(--image-field-height);
  border: 1px solid var(--image-field-border);
  border-radius: var(--image-field-radius);
  background: var(--image-field-background);
  overflow: hidden;
}
.frame:fullscreen { height: 100%; border-radius: 0; background: #000; }
.frame:focus-visible, .dropzone:focus-visible, button:focus-visible, select:focus-visible {
  outline: 2px solid var(--image-field-accent);
  outline-offset: 2px;
}
.dropzone, .empty {
  position: absolute; inset: 0;
  display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 4px; padding: 16px; text-align: center; color: var(--image-field-muted);
  white-space: pre-line;
}

.dropzone .heading, .empty .heading { color: var(--image-field-color); font-size: 1.15em; font-weight: 600; }
.frame.dragging { border-color: var(--image-field-accent); }
.frame.dragging .dropzone, .dropzone.dragging {
  border-color: var(--image-field-accent);
  background: color-mix(in srgb, var(--image-field-accent) 10%, transparent);
}
.image, .video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; display: block; }
.overlay { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; }
.legend { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.legend button { display: inline-flex; align-items: center; gap: 5px; padding: 2px 8px; font-size: 0.9em; }
.legend button[aria-pressed="false"] { color: var(--image-field-muted); text-decoration: line-through; }
.legend button[aria-pressed="false"] .swatch { opacity: 0.3; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
.video.mirrored { transform: scaleX(-1); }
.toolbar { position: absolute; top: 6px; right: 6px; display: flex; gap: 4px; }
.camera-bar {
  position: absolute; left: 0; right: 0; bottom: 8px;
  display: flex; gap: 6px; justify-content: center; align-items: center; flex-wrap: wrap;
}
.sources { display: flex; gap: 4px; margin-top: 6px; }
button, select {
  font: inherit; color: var(--image-field-color);
  background: #fff; border: 1px solid var(--image-field-border);
  border-radius: var(--image-field-button-radius);
  padding: 3px 8px; cursor: pointer;
}
.dropzone {
  width: 100%; height: 100%; margin: 0; font: inherit; cursor: pointer; background: transparent;
  border: 2px dashed transparent; border-radius: var(--image-field-radius);
}
button:disabled, select:disabled { cursor: default; opacity: 0.6; }
.frame[aria-disabled="true"] { cursor: default; }
button[aria-pressed="true"] { border-color: var(--image-field-accent); color: var(--image-field-accent); }
.primary { background: var(--image-field-accent); border-color: var(--image-field-accent); color: #fff; }
.message {
  margin: 6px 0 0; color: var(--image-field-error); min-height: 0;
}
.message:empty { display: none; }
[hidden] { display: none !important; }
`;
