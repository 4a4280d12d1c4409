/**
 * `Content-Disposition: attachment` with a file name any browser saves correctly: an ASCII
 * fallback in `filename` and the exact (often Persian) name in `filename*` (RFC 6266 / 8187).
 */
export function attachmentDisposition(filename: string): string {
  const cleaned = safeFilename(filename);
  const fallback = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/["%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(cleaned)}`;
}

// C0 and C1 controls, path separators, and what Windows refuses in a name.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\<>:"|?*]/g;
// Direction overrides and isolates: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf".
// (The zero-width non-joiner, U+200C, stays: Persian names need it.)
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name that names one file in the download folder: no separators or controls, no
 * direction tricks, no leading dots (no hidden file, no `..`), no trailing dots or spaces.
 */
function safeFilename(filename: string): string {
  const cleaned = filename
    // A lone surrogate cannot be percent-encoded: it becomes "_" like any other unusable character.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '_')
    .normalize('NFC')
    .replace(BIDI, '')
    .replace(UNSAFE, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  return cleaned || 'download';
}

function encodeRfc8187(value: string): string {
  // encodeURIComponent leaves !'()* as they are; RFC 8187's attr-char does not allow them.
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
