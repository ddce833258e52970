// The legend under the picture: one toggle button per class, its colour and
// its name. aria-pressed="true" while the class is drawn.
import { classColor, cssColor } from '../pipeline/class-colors.js';

/**
 * Rebuilds the buttons of `container` for `classes` (Map id → name);
 * `onToggle(id)` runs when one is pressed.
 */
export function renderLegend(container, classes, hidden, { label, disabled = false, onToggle }) {
  container.setAttribute('aria-label', label);
  container.hidden = classes.size === 0;
  const key = JSON.stringify([...classes]);
  if (container.dataset.classes === key) {
    // Same classes: only the pressed states change, and the focused button stays.
    for (const button of container.children) {
      button.setAttribute('aria-pressed', String(!hidden.has(Number(button.dataset.classId))));
      button.disabled = disabled;
    }
    return;
  }
  container.dataset.classes = key;
  container.replaceChildren(...[...classes].map(([id, name]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('part', 'legend-item');
    button.dataset.classId = String(id);
    button.setAttribute('aria-pressed', String(!hidden.has(id)));
    button.disabled = disabled;
    const swatch = document.createElement('span');
    swatch.setAttribute('part', 'legend-swatch');
    swatch.className = 'swatch';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.backgroundColor = cssColor(classColor(id));  // CSSOM, allowed under a strict CSP
    const text = document.createElement('span');
    text.textContent = name;
    button.append(swatch, text);
    button.addEventListener('click', () => onToggle(id));
    return button;
  }));
}
