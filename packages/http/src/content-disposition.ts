/**
 * `Content-Disposition: attachment` with a file name any browser saves correctly: an ASCII
 * fallback in `filename` and the exact (often Persian) name in `filename*` (RFC 6266 / 8187).
 */
export function attachmentDisposition(filename: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = filename.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'download';
  const fallback = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/["%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(cleaned)}`;
}

function encodeRfc8187(value: string): string {
  // encodeURIComponent leaves !'()* as they are; RFC 8187's attr-char does not allow them.
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
