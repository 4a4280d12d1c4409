// The leading bytes (magic numbers) of the file kinds uploads arrive as, padded like real files.
const pad = (head: number[] | string, size = 5000) => {
  const bytes = new Uint8Array(size);
  bytes.set(typeof head === 'string' ? new TextEncoder().encode(head) : head);
  return bytes;
};

export const samplePdf = pad('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n');
export const sampleJpeg = pad([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
export const samplePng = pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const sampleGif = pad('GIF89a\u0001\u0000\u0001\u0000');
export const sampleExe = pad('MZ');
export const samplePlainText = new TextEncoder().encode('just some words, no magic number');

export async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.slice(offset, offset + size);
}
