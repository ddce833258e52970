// Completes the analyzer's view of <image-field> from the sources that define
// it: the class's attributes and reflected properties are made at run time from
// the ATTRIBUTES table (so the analyzer cannot see them), its events are fired
// through one helper, and its types and descriptions live in the .d.ts. Parts
// and CSS custom properties are read from the element's markup and styles.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ATTRIBUTES } from '../web/element/attributes.js';

const TAG = 'image-field';
const ELEMENT_DIR = 'web/element';
const TYPES = join(ELEMENT_DIR, 'image-field.d.ts');

/** Members of one interface in a .d.ts: name → { type, description }. */
function interfaceMembers(ts, source, name) {
  const members = new Map();
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      for (const member of node.members) {
        if (!member.name || !ts.isIdentifier(member.name)) continue;
        const doc = ts.getJSDocCommentsAndTags(member).map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join(' ');
        let type;
        if (ts.isPropertySignature(member)) type = member.type?.getText(source);
        else if (ts.isSetAccessorDeclaration(member)) type = member.parameters[0]?.type?.getText(source);
        else if (ts.isGetAccessorDeclaration(member)) type = member.type?.getText(source);
        else if (!ts.isMethodSignature(member)) continue;
        const known = members.get(member.name.text) ?? {};
        // A setter's parameter is what the member accepts: it wins over the getter's type.
        members.set(member.name.text, {
          type: ts.isSetAccessorDeclaration(member) || !known.type ? type : known.type,
          description: known.description || doc.replace(/\s+/g, ' ').trim(),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!members.size) throw new Error(`${TYPES}: interface ${name} not found`);
  return members;
}

/** Every part name and CSS custom property the element's modules use. */
function partsAndCustomProperties() {
  const parts = new Set();
  const properties = new Map();
  const files = readdirSync(ELEMENT_DIR, { recursive: true }).filter((f) => f.endsWith('.js')).sort();
  for (const file of files) {
    const text = readFileSync(join(ELEMENT_DIR, file), 'utf8');
    for (const [, names] of text.matchAll(/\bpart="([^"]+)"/g)) names.split(/\s+/).forEach((p) => parts.add(p));
    for (const [, name] of text.matchAll(/setAttribute\('part',\s*'([^']+)'\)/g)) parts.add(name);
    for (const [, name] of text.matchAll(/(--image-field-[a-z-]+)/g)) if (!properties.has(name)) properties.set(name, undefined);
    for (const [, name, fallback] of text.matchAll(/var\((--image-field-[a-z-]+),\s*([^)]+)\)/g)) properties.set(name, fallback.trim());
    for (const [, name, value] of text.matchAll(/^\s*(--image-field-[a-z-]+):\s*([^;]+);/gm)) properties.set(name, value.trim());
    for (const [, name, fallback] of text.matchAll(/'(--image-field-[a-z-]+)',\s*([\d.]+)\)/g)) properties.set(name, fallback);
  }
  return { parts: [...parts].sort(), properties: [...properties].sort(([a], [b]) => a.localeCompare(b)) };
}

function defaultOf({ kind, fallback }) {
  if (kind === 'boolean') return 'false';
  if (kind === 'on-by-default') return 'true';
  return JSON.stringify(fallback);
}

export function imageFieldManifest() {
  let ts = null;
  return {
    name: 'image-field-manifest',
    analyzePhase({ ts: analyzerTs }) {
      ts = analyzerTs;
    },
    packageLinkPhase({ customElementsManifest }) {
      const element = customElementsManifest.modules.flatMap((m) => m.declarations ?? [])
        .find((d) => d.customElement && d.tagName === TAG);
      if (!element) throw new Error(`no class defined as <${TAG}> found`);
      const source = ts.createSourceFile(TYPES, readFileSync(TYPES, 'utf8'), ts.ScriptTarget.Latest, true);
      const api = interfaceMembers(ts, source, 'ImageField');
      const events = interfaceMembers(ts, source, 'ImageFieldEventMap');

      element.description = 'An image input (or output) field: upload, drag-and-drop, paste and webcam in; '
        + 'arrays and tensors shown as images with the wandb.Image rules. Form-associated.';
      element.attributes = Object.entries(ATTRIBUTES).map(([name, spec]) => ({
        name,
        fieldName: spec.property,
        type: { text: api.get(spec.property)?.type ?? spec.kind },
        default: defaultOf(spec),
        description: api.get(spec.property)?.description ?? '',
      }));
      const reflected = new Set(Object.values(ATTRIBUTES).map((a) => a.property));
      // The public API only: no private members, no form lifecycle callbacks (the browser calls those).
      const members = (element.members ?? []).filter((m) => m.privacy !== 'private' && !m.name.startsWith('#')
        && !m.name.endsWith('Callback'));
      for (const member of members) {
        const typed = api.get(member.name);
        if (typed?.type && member.kind === 'field') member.type = { text: typed.type };
        if (typed?.description && !member.description) member.description = typed.description;
      }
      const reflectedMembers = Object.entries(ATTRIBUTES).map(([attribute, spec]) => ({
        kind: 'field',
        name: spec.property,
        type: { text: api.get(spec.property)?.type ?? spec.kind },
        default: defaultOf(spec),
        description: api.get(spec.property)?.description ?? '',
        attribute,
        reflects: true,
      }));
      element.members = [...reflectedMembers, ...members.filter((m) => !reflected.has(m.name))];
      element.events = [...events].map(([name, { type, description }]) => ({ name, type: { text: type }, description }));
      const { parts, properties } = partsAndCustomProperties();
      element.cssParts = parts.map((name) => ({ name }));
      element.cssProperties = properties.map(([name, fallback]) => (fallback === undefined ? { name } : { name, default: fallback }));
    },
  };
}
