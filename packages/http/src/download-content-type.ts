/**
 * The Content-Type a download is served with. A stored file keeps the type it was stored under,
 * but only types no browser runs are sent as they are; anything a browser could render as a page
 * or run (HTML, SVG, XML, script) goes out as `application/octet-stream`, so an uploaded or
 * misfiled document can never execute on the portal's origin.
 */
const INERT_TYPES: readonly RegExp[] = [
  /^application\/pdf$/,
  /^image\/(png|jpeg|gif|webp|tiff|bmp)$/,
  /^text\/(csv|plain)$/,
  /^application\/(zip|octet-stream|msword|vnd\.ms-excel)$/,
  /^application\/vnd\.openxmlformats-officedocument\.[a-z.]+$/,
];

export function downloadContentType(storedType: string): string {
  const bare = storedType.split(';')[0]!.trim().toLowerCase();
  return INERT_TYPES.some((type) => type.test(bare)) ? bare : 'application/octet-stream';
}
