// .npy files written byte by byte, as numpy's format module lays them out.
const WRITERS = {
  u1: [1, (v, o, b) => v.setUint8(o, b)],
  i1: [1, (v, o, b) => v.setInt8(o, b)],
  b1: [1, (v, o, b) => v.setUint8(o, b ? 1 : 0)],
  u2: [2, (v, o, b, le) => v.setUint16(o, b, le)],
  i2: [2, (v, o, b, le) => v.setInt16(o, b, le)],
  u4: [4, (v, o, b, le) => v.setUint32(o, b, le)],
  i4: [4, (v, o, b, le) => v.setInt32(o, b, le)],
  f4: [4, (v, o, b, le) => v.setFloat32(o, b, le)],
  f8: [8, (v, o, b, le) => v.setFloat64(o, b, le)],
};

/** The header dict, padded so the data starts at a multiple of 64. */
export function npyHeaderBytes(dict, major = 1) {
  const prefix = major === 1 ? 10 : 12;
  let text = dict;
  while ((prefix + text.length + 1) % 64) text += ' ';
  text += '\n';
  const out = new Uint8Array(prefix + text.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  out.set(new TextEncoder().encode(text), prefix);
  return out;
}

/**
 * @param {string} kind u1 i1 b1 u2 i2 u4 i4 f4 f8
 * @param {number[]} shape
 * @param {number[]} values in C order
 */
export function npyFile(kind, shape, values, { major = 1, bigEndian = false, fortran = false } = {}) {
  const [size, write] = WRITERS[kind];
  const order = size === 1 ? '|' : bigEndian ? '>' : '<';
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const header = npyHeaderBytes(`{'descr': '${order}${kind}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`, major);
  const data = new Uint8Array(values.length * size);
  const view = new DataView(data.buffer);
  let stored = values;
  if (fortran) {
    // Column-major: the first index varies fastest.
    stored = new Array(values.length);
    const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
    values.forEach((v, c) => {
      let f = 0;
      let mul = 1;
      shape.forEach((n, d) => {
        f += (Math.floor(c / strides[d]) % n) * mul;
        mul *= n;
      });
      stored[f] = v;
    });
  }
  stored.forEach((v, i) => write(view, i * size, v, !bigEndian));
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}
