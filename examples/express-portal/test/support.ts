/**
 * Starts the real portal (temp data folder, free port) and drives it over HTTP like a browser:
 * a cookie jar, the CSRF token read from the page, forms posted as a browser posts them, and
 * redirects left for the test to follow.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPortal, type Portal, type PortalOptions } from '../src/create-portal';

export interface TestPortal extends Portal {
  dataDir: string;
  /** Every printed notification. */
  notifications: string[];
  stop(): Promise<void>;
}

export async function startTestPortal(options: Partial<PortalOptions> = {}): Promise<TestPortal> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'statdesk-portal-')));
  const notifications: string[] = [];
  const portal = await createPortal({ port: 0, pollIntervalMs: 100, writeNotification: (text) => notifications.push(text), ...options, dataDir });
  return {
    ...portal,
    dataDir,
    notifications,
    async stop() {
      await portal.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JSON answer as the tests read it (shapes are checked by the assertions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests index into API answers freely
export type Json = any;

export class Browser {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  /** `clientAddress` is sent as X-Forwarded-For (the portal trusts its loopback proxy), so tests can be different clients. */
  constructor(
    public base: string,
    readonly clientAddress?: string,
  ) {}

  /** The same browser (cookies kept) talking to the portal at another address (after a restart on a new port). */
  moveTo(base: string): void {
    this.base = base;
  }

  async request(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.clientAddress) headers.set('x-forwarded-for', this.clientAddress);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new URL(pathOrUrl, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }

  /** GET a page; remembers its CSRF token. */
  async page(pathOrUrl: string): Promise<{ status: number; html: string; response: Response }> {
    const response = await this.request(pathOrUrl);
    const html = await response.text();
    const token = /<meta name="csrf-token" content="([^"]+)">/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, html, response };
  }

  /** POST a form as the browser does, with the page's CSRF token unless told otherwise. */
  async form(pathOrUrl: string, fields: Record<string, string>, options: { csrf?: string | null } = {}): Promise<Response> {
    const body = new URLSearchParams(fields);
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.set('_csrf', token);
    return this.request(pathOrUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** What /assets/portal.js does: JSON to the API with the CSRF header. */
  async api(pathOrUrl: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<{ status: number; json: Json; response: Response }> {
    const response = await this.request(pathOrUrl, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { 'content-type': 'application/json', 'x-csrf-token': this.csrf },
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined, response };
  }

  async upload(policy: string, bytes: Uint8Array, type: string, name = 'scan.pdf'): Promise<{ status: number; json: Json }> {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const response = await this.request(`/api/files?policy=${policy}`, { method: 'POST', body: form, headers: { 'x-csrf-token': this.csrf } });
    return { status: response.status, json: await response.json() };
  }

  async signIn(user: string): Promise<void> {
    await this.page('/login');
    const response = await this.form('/login', { user });
    if (response.status !== 303) throw new Error(`sign-in as ${user} answered ${response.status}`);
    await this.page('/');
  }
}

export async function signedIn(base: string, user: string): Promise<Browser> {
  const browser = new Browser(base);
  await browser.signIn(user);
  return browser;
}

export const PDF = (salt: string) => new TextEncoder().encode(`%PDF-1.4\n% ${salt}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);

/** Posts an event form on an instance page and expects the redirect back. */
export async function act(browser: Browser, instanceId: string, type: string, fields: Record<string, string> = {}): Promise<Response> {
  return browser.form(`/instances/${encodeURIComponent(instanceId)}/act`, { type, ...fields });
}
