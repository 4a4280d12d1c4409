import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { chartBlock, charts, readPage, withChart } from '../statecharts';

describe('docs statecharts', () => {
  it.each(charts.map((c) => [c.doc, c] as const))('%s shows the machine as it is (run `npm run docs:charts`)', async (_doc, entry) => {
    const page = await readPage(entry);
    const regenerated = withChart(page, entry);
    expect(regenerated, `${entry.doc} has no statechart markers for "${entry.name}"`).toBeDefined();
    expect(page).toBe(regenerated);
  });

  it('a state added to a machine without regenerating is caught', () => {
    const states = { open: { on: { close: 'closed' } }, closed: { type: 'final' as const } };
    const before = setup({}).createMachine({ id: 'm', initial: 'open', states });
    const after = setup({}).createMachine({ id: 'm', initial: 'open', states: { ...states, archived: {} } });
    const entry = { doc: 'x.md', name: 'm', machine: before };
    const page = `# Page\n\n${chartBlock(entry)}\n\nMore text.\n`;
    expect(withChart(page, entry)).toBe(page);
    const regenerated = withChart(page, { ...entry, machine: after });
    expect(regenerated).not.toBe(page);
    expect(regenerated).toContain('archived');
    expect(regenerated).toMatch(/\n\nMore text\.\n$/);
    expect(withChart('# No markers\n', entry)).toBeUndefined();
  });
});
