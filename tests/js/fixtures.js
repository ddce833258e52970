// Files built byte by byte for the codec tests.
import zlib from 'node:zlib';

/** A deterministic generator of uint32s (an LCG), so a failure can be reproduced. */
export function seededUint32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s;
  };
}

function u32(value) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}

export function pngChunk(type, data = Buffer.alloc(0)) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), typeAndData, u32(zlib.crc32(typeAndData))]);
}

export function pngHeader(width, height, colorType = 2) {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, colorType, 0, 0, 0])]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)]);
}

/** Compresses two MiB of zeros with sync flushes and returns both blocks. */
function zeroBlocks() {
  return new Promise((resolve, reject) => {
    const deflate = zlib.createDeflate({ level: 9 });
    const pieces = [];
    deflate.on('data', (chunk) => pieces.push(chunk));
    deflate.on('error', reject);
    const zeros = Buffer.alloc(1 << 20);
    deflate.write(zeros);
    deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      const first = Buffer.concat(pieces.splice(0));
      deflate.write(zeros);
      deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        const steady = Buffer.concat(pieces.splice(0));
        deflate.close();
        resolve({ first, steady });
      });
    });
  });
}

/**
 * A PNG declaring width×height RGB whose IDAT inflates to `inflatedBytes`
 * zeros. After a sync flush every MiB of zeros deflates to the same bytes, so
 * the stream is two compressed MiB, the second repeated, closed by hand.
 */
export async function inflationBombPng(width, height, inflatedBytes) {
  const { first, steady } = await zeroBlocks();
  const blocks = Math.ceil(inflatedBytes / (1 << 20));
  const total = blocks * (1 << 20);
  const parts = [first];
  for (let i = 1; i < blocks; i++) parts.push(steady);
  parts.push(Buffer.from([0x03, 0x00]), u32(((total % 65521) * 65536 + 1) >>> 0));
  const idat = Buffer.concat(parts);
  return new Uint8Array(Buffer.concat([pngHeader(width, height), pngChunk('IDAT', idat), pngChunk('IEND')]));
}

/** A width×height RGB test pattern with fine detail. */
export function testPattern(width, height, channels = 3) {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) data[i++] = (x * 7 + y * 13 + c * 50 + ((x ^ y) & 3) * 20) & 255;
    }
  }
  const mode = ['L', 'LA', 'RGB', 'RGBA'][channels - 1];
  return { width, height, mode, data };
}

/** A GIF whose screen and single frame are width×height (one pixel of LZW data). */
export function gifClaiming(width, height) {
  const w = [width & 255, width >> 8];
  const h = [height & 255, height >> 8];
  return new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, ...w, ...h, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
    0x2c, 0, 0, 0, 0, ...w, ...h, 0, 2, 2, 0x4c, 0x01, 0, 0x3b]);
}

/** An uncompressed 24-bit TGA header declaring width×height, then 64 pixels. */
export function tgaClaiming(width, height) {
  const tga = new Uint8Array(18 + 3 * 64).fill(0x80);
  tga.set([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, width & 255, width >> 8, height & 255, height >> 8, 24, 0]);
  return tga;
}
