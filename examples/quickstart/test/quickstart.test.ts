import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm start (the quickstart demo)', () => {
  it('prices, survives a restart, expires the quote at its working-day deadline and detects tampering', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/main.ts'], { cwd: root, timeout: 60_000 });
    expect(stdout).toContain('valid for 3 working days, until 2025-04-14 13:00 Tehran');
    expect(stdout).toContain('two days later (2025-04-11 13:00 Tehran): 0 timers fired');
    expect(stdout).toContain('1 timer fired → state "expired"');
    expect(stdout).toContain('chain check: intact (3 rows)');
    expect(stdout).toContain('tampering detected at row 2 (altered)');
  }, 60_000);
});
