/** `{{name}}` / `{{name|modifier}}` placeholders: finding them (at startup) and filling them (at send time). */

export interface Placeholder {
  /** The parameter's name. */
  name: string;
  /**
   * How to format it (e.g. `toman`), after the `|`.
   */
  modifier?: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*(?:\|\s*([a-z][a-z-]*)\s*)?\}\}/g;

/** The placeholders in `text`, or a problem when braces do not form a valid placeholder. */
export function placeholdersIn(text: string): { placeholders: Placeholder[]; problem?: string } {
  const placeholders: Placeholder[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    placeholders.push(match[2] ? { name: match[1]!, modifier: match[2] } : { name: match[1]! });
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) return { placeholders, problem: `malformed placeholder near "${excerpt(rest)}"` };
  return { placeholders };
}

/** Replace each placeholder with `value(placeholder)`. */
export function fillPlaceholders(text: string, value: (placeholder: Placeholder) => string): string {
  return text.replace(PLACEHOLDER, (_m, name: string, modifier: string | undefined) => value(modifier ? { name, modifier } : { name }));
}

function excerpt(text: string): string {
  const at = Math.max(0, Math.min(text.indexOf('{{') >= 0 ? text.indexOf('{{') : Infinity, text.indexOf('}}') >= 0 ? text.indexOf('}}') : Infinity));
  return text.slice(at, at + 24);
}
