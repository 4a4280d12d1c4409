/**
 * The docs' TypeScript is real TypeScript. Three checks, one compiler program:
 * 1. every file under `docs/snippets/` type-checks;
 * 2. every `<!-- snippet: path -->` block in the docs is that file, verbatim;
 * 3. every other ```ts block in `docs/**\/*.md` and `README.md` type-checks as a module of its
 *    own, unless it is marked as partial (```ts fragment, or `<!-- not compiled: reason -->`
 *    before it); the partial ones are counted and listed.
 * Imports resolve to the workspace packages' sources (the `source` condition), so a doc that is
 * wrong about the API fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPortalDesk } from '../../docs/snippets/getting-started/desk';
// The getting-started page's unit test is a real test: importing it registers its cases here.
import '../../docs/snippets/getting-started/customisation.test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SNIPPETS = path.join(ROOT, 'docs/snippets');
/** Virtual files live beside the docs, so package imports resolve from the repository's node_modules. */
const VIRTUAL_DIR = path.join(ROOT, 'docs/.compiled-blocks');

const TS_LANGUAGES = new Set(['ts', 'typescript']);
const SNIPPET_MARK = /^<!--\s*snippet:\s*(\S+)\s*-->$/;
const NOT_COMPILED_MARK = /^<!--\s*not compiled:(.*)-->$/;

interface CodeBlock {
  /** Page path relative to the repository root. */
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  info: string;
  code: string;
  /** The marker line before the fence, if any (snippet or not-compiled). */
  snippet?: string;
  notCompiled?: string;
}

/** Fenced blocks of a Markdown page, each with the marker comment on the line(s) before it. */
function codeBlocks(page: string, text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const info = (open[2] ?? '').trim();
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? '').startsWith(fence)) end++;
    let before = i - 1;
    while (before >= 0 && !(lines[before] ?? '').trim()) before--;
    const marker = before >= 0 ? (lines[before] ?? '').trim() : '';
    const snippet = SNIPPET_MARK.exec(marker)?.[1];
    const notCompiled = NOT_COMPILED_MARK.exec(marker)?.[1]?.trim();
    blocks.push({
      page,
      line: i + 1,
      language: (info.split(/\s+/)[0] ?? '').toLowerCase(),
      info,
      code: lines.slice(i + 1, end).join('\n') + '\n',
      ...(snippet !== undefined ? { snippet } : {}),
      ...(notCompiled !== undefined ? { notCompiled } : {}),
    });
    i = end;
  }
  return blocks;
}

/** Why a ```ts block is not compiled, or undefined when it must compile. */
function partialReason(block: CodeBlock): string | undefined {
  if (block.notCompiled !== undefined) return block.notCompiled || '(no reason given)';
  if (/\bfragment\b/.test(block.info)) return 'marked fragment';
  return undefined;
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...filesUnder(full, keep));
    } else if (keep(entry.name)) found.push(full);
  }
  return found.sort();
}

function compilerOptions(): ts.CompilerOptions {
  const base = ts.readConfigFile(path.join(ROOT, 'tsconfig.base.json'), ts.sys.readFile);
  if (base.error) throw new Error(ts.flattenDiagnosticMessageText(base.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, ROOT);
  return { ...parsed.options, customConditions: ['source'], noEmit: true, declaration: false, sourceMap: false };
}

interface CheckedFile {
  fileName: string;
  /** Where a diagnostic's line is reported: the page and the block's first code line, or the file itself. */
  describe: (line: number, column: number) => string;
}

/** Type-checks real and virtual files in one program; returns formatted errors per file. */
function typeCheck(real: readonly CheckedFile[], virtual: ReadonlyMap<string, { text: string; checked: CheckedFile }>): Map<string, string[]> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name)?.text ?? readFile.call(host, name);
  host.getSourceFile = (name, language, onError, create) => {
    const entry = virtual.get(name);
    return entry ? ts.createSourceFile(name, entry.text, language, true, ts.ScriptKind.TS) : getSourceFile.call(host, name, language, onError, create);
  };
  const checked = [...real, ...[...virtual.values()].map((v) => v.checked)];
  const program = ts.createProgram({ rootNames: checked.map((c) => c.fileName), options, host });
  const errors = new Map<string, string[]>();
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length) errors.set('(program)', global.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
  for (const file of checked) {
    const source = program.getSourceFile(file.fileName);
    if (!source) {
      errors.set(file.fileName, ['not found by the compiler']);
      continue;
    }
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    if (!diagnostics.length) continue;
    errors.set(
      file.fileName,
      diagnostics.map((d) => {
        const at = d.start !== undefined ? source.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
        return `${file.describe(at.line, at.character)} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );
  }
  return errors;
}

function virtualName(block: CodeBlock): string {
  return path.join(VIRTUAL_DIR, `${block.page.replace(/[\\/]/g, '__')}__L${block.line}.ts`);
}

const pages = [path.join(ROOT, 'README.md'), ...filesUnder(path.join(ROOT, 'docs'), (n) => n.endsWith('.md'))].map((file) => path.relative(ROOT, file));
const blocks = pages.flatMap((page) => codeBlocks(page, readFileSync(path.join(ROOT, page), 'utf8')));
const snippetFiles = filesUnder(SNIPPETS, (n) => n.endsWith('.ts'));
const included = blocks.filter((b) => b.snippet !== undefined);
const tsBlocks = blocks.filter((b) => b.snippet === undefined && TS_LANGUAGES.has(b.language));
const compiled = tsBlocks.filter((b) => partialReason(b) === undefined);
const partial = tsBlocks.filter((b) => partialReason(b) !== undefined);

/** A block that must fail, compiled in the same program, proves the check can fail. */
const CANARY: CodeBlock = {
  page: 'docs/(canary).md',
  line: 1,
  language: 'ts',
  info: 'ts',
  code: "import { createDesk } from '@statdesk/core';\ncreateDesk({ storage: 'not a storage', workflows: [] });\n",
};

describe('docs snippets', () => {
  let errors: Map<string, string[]>;

  beforeAll(() => {
    const real = snippetFiles.map((fileName) => ({ fileName, describe: (l: number, c: number) => `${path.relative(ROOT, fileName)}:${l + 1}:${c + 1}` }));
    const virtual = new Map(
      [...compiled, CANARY].map((block) => {
        const fileName = virtualName(block);
        const checked = { fileName, describe: (l: number, c: number) => `${block.page}:${block.line + 1 + l}:${c + 1}` };
        return [fileName, { text: block.code, checked }] as const;
      }),
    );
    errors = typeCheck(real, virtual);
    const summary = partial.map((b) => `  ${b.page}:${b.line} — ${partialReason(b)}`).join('\n');
    console.info(
      `docs: ${snippetFiles.length} snippet files, ${included.length} included blocks, ${compiled.length} ts blocks compiled, ${partial.length} partial (not compiled)${summary ? `:\n${summary}` : ''}`,
    );
  }, 120_000);

  it('the compiler program itself is sound', () => {
    expect(errors.get('(program)') ?? []).toEqual([]);
  });

  it('a block with a type error is caught (canary)', () => {
    const canary = errors.get(virtualName(CANARY)) ?? [];
    expect(canary.join('\n')).toMatch(/^docs\/\(canary\)\.md:3:\d+ TS2322/);
  });

  it('finds the docs and their snippets', () => {
    expect(pages).toContain('docs/getting-started.md');
    expect(snippetFiles.length).toBeGreaterThan(0);
    expect(included.length).toBeGreaterThan(0);
    expect(compiled.length).toBeGreaterThan(0);
  });

  it.each(snippetFiles.map((f) => [path.relative(ROOT, f), f] as const))('snippet %s type-checks', (_name, file) => {
    expect(errors.get(file) ?? []).toEqual([]);
  });

  it.each(compiled.map((b) => [`${b.page}:${b.line}`, b] as const))('```ts block at %s type-checks', (_where, block) => {
    expect(errors.get(virtualName(block)) ?? []).toEqual([]);
  });

  it.each(included.map((b) => [`${b.page}:${b.line}`, b] as const))('included snippet at %s is its file, verbatim', (_where, block) => {
    const file = path.join(SNIPPETS, block.snippet ?? '');
    expect(file.startsWith(SNIPPETS + path.sep), `${block.snippet} is outside docs/snippets`).toBe(true);
    expect(block.code).toBe(readFileSync(file, 'utf8'));
  });

  it('every snippet file is shown on some page', () => {
    const shown = new Set(included.map((b) => path.join(SNIPPETS, b.snippet ?? '')));
    expect(snippetFiles.filter((f) => !shown.has(f)).map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('every partial block says why', () => {
    expect(partial.filter((b) => partialReason(b) === '(no reason given)').map((b) => `${b.page}:${b.line}`)).toEqual([]);
  });

  it('reads markers, fences and partial blocks as documented', () => {
    const page = [
      '<!-- snippet: a/b.ts -->',
      '```ts',
      'const a = 1;',
      '```',
      '',
      '<!-- not compiled: an object-literal excerpt -->',
      '',
      '```typescript',
      'x: 1,',
      '```',
      '```ts fragment',
      'y',
      '```',
      '````md',
      '```ts',
      'inside',
      '```',
      '````',
      '```ts',
      'const b = 2;',
      '```',
    ].join('\n');
    const found = codeBlocks('p.md', page);
    expect(found.map((b) => [b.line, b.language, b.snippet, b.notCompiled, b.code])).toEqual([
      [2, 'ts', 'a/b.ts', undefined, 'const a = 1;\n'],
      [8, 'typescript', undefined, 'an object-literal excerpt', 'x: 1,\n'],
      [11, 'ts', undefined, undefined, 'y\n'],
      [14, 'md', undefined, undefined, '```ts\ninside\n```\n'],
      [19, 'ts', undefined, undefined, 'const b = 2;\n'],
    ]);
    expect(found.map((b) => partialReason(b))).toEqual([undefined, 'an object-literal excerpt', 'marked fragment', undefined, undefined]);
  });
});

describe('getting-started snippets run', () => {
  it('createPortalDesk opens SQLite, migrates, and takes a command', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'statdesk-docs-'));
    const { desk, storage } = await createPortalDesk({
      dataDir,
      publicUrl: 'https://amar.example.ir',
      smtp: { host: 'smtp.example.ir', user: 'portal', pass: 'secret' },
      kavenegarKey: 'test-key',
      zarinpalMerchantId: '1344b5d4-0048-11e8-94db-005056a205be',
    });
    try {
      const system = { id: 'monitor', roles: ['system'] };
      const created = await desk.create({ tenantId: 'sci', workflow: 'incident-portal', actor: system, input: { title: 'Portal down', publicMessage: 'درگاه در دسترس نیست.' } });
      expect(created).toMatchObject({ state: 'reported', status: 'active', version: 1 });
      await desk.drain();
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
