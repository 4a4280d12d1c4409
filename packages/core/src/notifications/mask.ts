/** Masked addresses for logs and the console: enough to tell messages apart, not to contact anyone. */

/** `09123456789` → `0912*****89`. */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 6)}${digits.slice(-2)}`;
}

/** `someone@example.ir` → `s***@example.ir`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

// Eight or more digits (any script) standing alone: a tracking or complaint code, an account number.
const LONG_NUMBER = /(?<![\p{L}\p{N}-])\p{Nd}{8,}(?![\p{L}\p{N}-])/gu;
const LINK = /\bhttps?:\/\/[^\s/]+(\/(?:[^\s]*[^\s.,;:!?)»،])?)?/gi;

/**
 * A rendered message's text as the console may show it: links cut to their origin (a download
 * link is a key), long numbers (tracking and complaint codes) masked like a mobile, and the
 * recipient's name (when given) reduced to its first letter.
 */
export function maskMessageText(text: string, names: readonly string[] = []): string {
  let out = text.replace(LINK, (link, path: string | undefined) => (path && path !== '/' ? `${link.slice(0, link.length - path.length)}/…` : link));
  out = out.replace(LONG_NUMBER, (digits) => `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`);
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length > 1) out = out.split(trimmed).join(`${[...trimmed][0]}***`);
  }
  return out;
}
