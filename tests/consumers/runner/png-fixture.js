// The image every check uploads or decodes: a small RGB PNG whose pixels are
// all different, encoded here (stored rows, zlib) so the expected pixels are
// known without any decoder.
import { crc32, deflateSync } from 'node:zlib';

export const WIDTH = 8;
export const HEIGHT = 6;

/** The RGB bytes the PNG holds, row by row. */
export function expectedPixels() {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 3;
      pixels[at] = x * 32;
      pixels[at + 1] = y * 48;
      pixels[at + 2] = 255 - (x + y) * 13;
    }
  }
  return pixels;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The PNG file of expectedPixels() (8-bit RGB, no filtering). */
export function fixturePng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8);  // bit depth 8, colour type RGB, deflate, no filter method, no interlace
  const pixels = expectedPixels();
  const rows = Buffer.alloc(HEIGHT * (1 + WIDTH * 3));
  for (let y = 0; y < HEIGHT; y++) {
    rows.set(pixels.subarray(y * WIDTH * 3, (y + 1) * WIDTH * 3), y * (1 + WIDTH * 3) + 1);  // filter byte 0
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
