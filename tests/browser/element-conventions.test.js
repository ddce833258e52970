// <image-field> follows the conventions of HTML's own controls: it takes
// images from the user by default; `readonly` makes it a display (the page
// still sets its value); `disabled`, by its attribute or a disabled
// <fieldset>, disables every control, says so to assistive technology and
// fires nothing. The Webcam source opens the camera over a shown value, which
// stays until a capture replaces it or Cancel brings it back.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { axeViolations } from './axe.js';
import { eventLog, types, useFieldPage, waitForEvent } from './element-helpers.js';

jest.setTimeout(60_000);

const suite = browserSuite({ camera: 'fake' });
let page;
let png;
useFieldPage(suite, (p, b) => { page = p; png = b; });

const image = { name: 'halves.png', mimeType: 'image/png', buffer: null };
const halves = () => ({ ...image, buffer: png });

const drop = (selector) => page.dropFiles(`${selector} >> .frame`, [halves()], { events: ['dragenter', 'dragover', 'drop'] });

/** The field's visible parts and the state of its controls. */
const view = (selector = 'image-field') => page.evalOn(selector, (field) => {
  const root = field.shadowRoot;
  const shown = (s) => { const e = root.querySelector(s); return Boolean(e) && !e.hidden; };
  return {
    dropzone: shown('.dropzone'),
    sources: shown('.sources'),
    toolbar: shown('.toolbar'),
    remove: shown('.remove'),
    camera: shown('.camera-bar'),
    frameAriaDisabled: root.querySelector('.frame').getAttribute('aria-disabled'),
    sourcesAriaDisabled: root.querySelector('.sources').getAttribute('aria-disabled'),
    frameTabIndex: root.querySelector('.frame').tabIndex,
    enabledControls: [...root.querySelectorAll('button, select')].filter((c) => !c.disabled).length,
    controls: root.querySelectorAll('button, select').length,
    matchesDisabled: field.matches(':disabled'),
  };
});

/** Fields with ids record their own events as `<type>:<id>`. */
const fieldWithId = (id, attributes = {}) => page.evaluate(([name, a]) => {
  const field = window.makeField({ id: name, ...a });
  for (const type of ['upload', 'input', 'change', 'clear', 'select', 'error']) {
    field.addEventListener(type, () => window.events.push({ type: `${type}:${name}` }));
  }
  return null;
}, [id, attributes]);

const eventsOf = (id) => page.evaluate((name) => window.events.filter((e) => e.type.endsWith(`:${name}`)).map((e) => e.type.split(':')[0]), id);

const setValue = (selector) => page.evalOn(selector, (field) => {
  field.value = { width: 8, height: 4, mode: 'RGB', data: new Uint8Array(96).fill(90) };
});

describe('interactive by default', () => {
  test('a field without attributes takes a dropped image; `interactive` changes nothing', async () => {
    await page.evaluate(() => {
      window.makeField({ id: 'plain' });
      window.makeField({ id: 'legacy', interactive: true });
    });
    const plain = await view('#plain');
    expect(plain).toMatchObject({ dropzone: true, sources: true, frameAriaDisabled: null, matchesDisabled: false });
    expect(await view('#legacy')).toEqual(plain);
    expect(await page.evaluate(() => [document.getElementById('plain').interactive, document.getElementById('legacy').interactive])).toEqual([true, true]);
    await drop('#plain');
    await waitForEvent(page, 'change');
    expect(types(await eventLog(page))).toEqual(['upload', 'input', 'change']);
  });

  test('interactive = false makes the field readonly; true makes it editable again', async () => {
    const states = await page.evaluate(() => {
      const field = window.makeField({});
      field.interactive = false;
      const off = [field.hasAttribute('readonly'), field.readOnly, field.interactive];
      field.interactive = true;
      return [off, [field.hasAttribute('readonly'), field.readOnly, field.interactive]];
    });
    expect(states).toEqual([[true, true, false], [false, false, true]]);
  });
});

describe('readonly', () => {
  test('no sources and no remove; drops and pastes are ignored; the page sets the value; no validation', async () => {
    await page.evaluate(() => {
      const form = document.getElementById('form');
      form.append(Object.assign(document.createElement('image-field'), { id: 'shown' }));
    });
    await fieldWithId('sentinel');
    await page.evaluate(() => {
      const field = document.getElementById('shown');
      for (const [name, value] of [['readonly', ''], ['name', 'photo'], ['required', ''], ['paste-anywhere', ''], ['sources', 'upload webcam clipboard']]) field.setAttribute(name, value);
      for (const type of ['upload', 'input', 'change', 'clear', 'error']) field.addEventListener(type, () => window.events.push({ type: `${type}:shown` }));
    });
    expect(await page.evaluate(() => document.getElementById('shown').readOnly)).toBe(true);
    expect(await view('#shown')).toMatchObject({ dropzone: false, sources: false, camera: false, matchesDisabled: false });
    // Barred from constraint validation, as a readonly input: required does not make the form invalid.
    expect(await page.evaluate(() => document.getElementById('form').checkValidity())).toBe(true);
    await drop('#shown');
    await page.paste('body', { file: halves() });  // paste-anywhere would take it if the field were editable
    const refused = await page.evaluate(async () => {
      const field = document.getElementById('shown');
      return { pasted: await field.pasteFromClipboard(), captured: await field.capture(), streams: window.streams.length };
    });
    expect(refused).toEqual({ pasted: false, captured: false, streams: 0 });
    // The same drop on an editable field arrives: the ones before it would have too.
    await drop('#sentinel');
    await page.waitForFunction(() => window.events.some((e) => e.type === 'change:sentinel'));
    expect(await eventsOf('shown')).toEqual([]);
    await setValue('#shown');
    await page.waitForFunction(() => window.events.some((e) => e.type === 'change:shown'));
    expect(await eventsOf('shown')).toEqual(['change']);
    expect(await view('#shown')).toMatchObject({ toolbar: true, remove: false, sources: false });
    const submitted = await page.evaluate(() => new FormData(document.getElementById('form')).get('photo')?.type);
    expect(submitted).toBe('image/png');  // a readonly field is submitted, as a readonly input is
  });
});

describe('disabled', () => {
  test('the attribute: reflected, aria-disabled, every control disabled, nothing focusable, no events; enabled again', async () => {
    await fieldWithId('off', { disabled: true, 'paste-anywhere': true });
    await fieldWithId('sentinel');
    await setValue('#off');
    await page.waitForFunction(() => window.events.some((e) => e.type === 'change:off'));  // the page still sets the value
    expect(await page.evaluate(() => document.getElementById('off').disabled)).toBe(true);
    const off = await view('#off');
    expect(off).toMatchObject({
      matchesDisabled: true, frameAriaDisabled: 'true', sourcesAriaDisabled: 'true', frameTabIndex: -1, enabledControls: 0, toolbar: true,
    });
    expect(off.controls).toBeGreaterThan(5);
    await drop('#off');
    await page.paste('body', { file: halves() });
    // A click on the image's first pixel would be `select`.
    await page.evaluate(() => {
      const canvas = document.querySelector('#off').shadowRoot.querySelector('canvas.image');
      const box = canvas.getBoundingClientRect();
      const scale = Math.min(box.width / canvas.width, box.height / canvas.height);
      const x = box.left + (box.width - canvas.width * scale) / 2 + 1;
      const y = box.top + (box.height - canvas.height * scale) / 2 + 1;
      canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
    });
    await drop('#sentinel');
    await page.waitForFunction(() => window.events.some((e) => e.type === 'change:sentinel'));
    expect(await eventsOf('off')).toEqual(['change']);

    await page.evaluate(() => { document.getElementById('off').disabled = false; });
    expect(await view('#off')).toMatchObject({ matchesDisabled: false, frameAriaDisabled: null, sourcesAriaDisabled: null, frameTabIndex: 0 });
    expect((await view('#off')).enabledControls).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.getElementById('off').hasAttribute('disabled'))).toBe(false);
    await drop('#off');
    await page.waitForFunction(() => window.events.filter((e) => e.type === 'change:off').length === 2);
    expect(await eventsOf('off')).toEqual(['change', 'upload', 'input', 'change']);
  });

  test('a disabled <fieldset> disables the field as it does an input: not submitted, controls disabled; enabled with it', async () => {
    await page.evaluate(() => {
      const form = document.getElementById('form');
      const fieldset = document.createElement('fieldset');
      fieldset.id = 'set';
      fieldset.append(Object.assign(document.createElement('legend'), { textContent: 'Photo' }));
      const field = document.createElement('image-field');
      field.setAttribute('name', 'photo');
      fieldset.append(field);
      form.append(fieldset);
      field.addEventListener('change', () => window.events.push({ type: 'change' }));
      field.value = { width: 8, height: 4, mode: 'RGB', data: new Uint8Array(96) };
    });
    await waitForEvent(page, 'change');
    const state = () => page.evaluate(() => ({
      submitted: new FormData(document.getElementById('form')).has('photo'),
      property: document.querySelector('#set image-field').disabled,
    }));
    expect(await state()).toEqual({ submitted: true, property: false });
    await page.evaluate(() => { document.getElementById('set').disabled = true; });
    expect(await view('#set image-field')).toMatchObject({ matchesDisabled: true, frameAriaDisabled: 'true', enabledControls: 0, frameTabIndex: -1 });
    // As for an input: the fieldset does not set the field's own attribute.
    expect(await state()).toEqual({ submitted: false, property: false });
    await page.evaluate(() => { document.getElementById('set').disabled = false; });
    expect(await view('#set image-field')).toMatchObject({ matchesDisabled: false, frameAriaDisabled: null, frameTabIndex: 0 });
    expect(await state()).toEqual({ submitted: true, property: false });
  });

  test('disabling a field whose camera runs stops the camera', async () => {
    await page.evaluate(() => window.makeField({ sources: 'webcam upload' }));
    await page.click('image-field >> button.start');
    await page.waitForSelector('image-field >> button.capture', { state: 'visible' });
    await page.evaluate(() => {
      window.track = document.querySelector('image-field').shadowRoot.querySelector('video').srcObject.getVideoTracks()[0];
      document.querySelector('image-field').disabled = true;
    });
    expect(await page.evaluate(() => [window.track.readyState, document.querySelector('image-field').shadowRoot.querySelector('video').srcObject])).toEqual(['ended', null]);
  });
});

describe('the webcam over a shown value', () => {
  const track = () => page.evaluate(() => {
    const stream = document.querySelector('image-field').shadowRoot.querySelector('video').srcObject;
    if (stream) window.track = stream.getVideoTracks()[0];
    return window.track?.readyState ?? null;
  });
  const width = () => page.evaluate(() => document.querySelector('image-field').value?.width ?? null);

  test('Webcam opens the camera, the value stays; Cancel brings it back; a capture replaces it', async () => {
    await page.evaluate(() => window.makeField({ sources: 'upload webcam' }));
    await setValue('image-field');
    await waitForEvent(page, 'change');
    await page.click('image-field >> button[data-source=webcam]');
    await page.waitForSelector('image-field >> button.capture', { state: 'visible' });
    expect(await track()).toBe('live');
    expect(await width()).toBe(8);
    expect(await view()).toMatchObject({ camera: true, toolbar: false, dropzone: false });
    expect(await page.isVisible('image-field >> video')).toBe(true);
    expect(await page.isVisible('image-field >> button.cancel-camera')).toBe(true);
    expect(await axeViolations(page, '#fields')).toEqual([]);  // the running camera's view

    await page.click('image-field >> button.cancel-camera');
    expect(await track()).toBe('ended');
    expect(await width()).toBe(8);
    expect(await view()).toMatchObject({ camera: false, toolbar: true });
    expect(await page.isVisible('image-field >> canvas.image')).toBe(true);
    expect(await page.isVisible('image-field >> video')).toBe(false);
    expect(types(await eventLog(page))).toEqual(['change']);

    await page.click('image-field >> button[data-source=webcam]');
    await page.waitForSelector('image-field >> button.capture', { state: 'visible' });
    expect(await track()).toBe('live');
    await page.click('image-field >> button.capture');
    await waitForEvent(page, 'change', 2);
    const log = await eventLog(page);
    expect(types(log)).toEqual(['change', 'upload', 'input', 'change']);
    expect(log[1].source).toBe('webcam');
    expect(await track()).toBe('ended');
    expect(await width()).toBeGreaterThan(8);
    expect(await view()).toMatchObject({ camera: false, toolbar: true });
  });
});
