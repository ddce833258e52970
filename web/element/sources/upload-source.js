// Files from the file chooser and from drag-and-drop.
export const ACCEPT = [
  'image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/webp', 'image/avif',
  'image/x-tga', 'image/vnd.adobe.photoshop', '.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp', '.avif', '.tga', '.psd', '.npy',
].join(',');

/**
 * Wires a drop target: `onFile(file)` for the first dropped file, a
 * `dragging` class on `highlight` while files hover.
 */
export function wireDrop(target, highlight, { enabled, onFile }) {
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const off = () => {
    depth = 0;
    highlight.classList.remove('dragging');
  };
  target.addEventListener('dragenter', (event) => {
    if (!enabled() || !hasFiles(event)) return;
    event.preventDefault();
    depth++;
    highlight.classList.add('dragging');
  });
  target.addEventListener('dragover', (event) => {
    if (!enabled() || !hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    highlight.classList.add('dragging');
  });
  target.addEventListener('dragleave', () => {
    if (--depth <= 0) off();
  });
  target.addEventListener('drop', (event) => {
    if (!enabled()) return;
    event.preventDefault();
    off();
    const file = event.dataTransfer?.files?.[0];
    if (file) onFile(file);
  });
}

/** Opens the chooser of a hidden `<input type=file>`; `onFile` gets the chosen file. */
export function wireFileInput(input, onFile) {
  input.accept = ACCEPT;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';  // choosing the same file again still reports it
    if (file) onFile(file);
  });
}
