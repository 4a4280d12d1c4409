/**
 * A small method + path matcher for the API's dozen fixed routes. Patterns are literal
 * segments and `:name` parameters; a parameter matches one non-empty segment, URL-decoded.
 */
import { ValidationError } from '@statdesk/core';

export interface Route<H> {
  method: string;
  pattern: string;
  handler: H;
}

export type RouteMatch<H> =
  | { kind: 'found'; route: Route<H>; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

export class RouteTable<H> {
  private readonly routes: { route: Route<H>; segments: string[] }[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ route: { method, pattern, handler }, segments: split(pattern) });
    return this;
  }

  match(method: string, path: string): RouteMatch<H> {
    const segments = split(path);
    const allowed: string[] = [];
    for (const { route, segments: pattern } of this.routes) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length ? { kind: 'wrong-method', allowed: [...new Set(allowed)] } : { kind: 'none' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const segment = actual[i]!;
    if (expected.startsWith(':')) params[expected.slice(1)] = decode(segment, expected.slice(1));
    else if (expected !== segment) return null;
  }
  return params;
}

function decode(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ValidationError('path', [{ path: name, message: 'is not a valid URL-encoded segment' }]);
  }
}
