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

  it('a state added to a machine without regenerating is caught', async () => {
    const entry = charts[0]!;
    const page = await readPage(entry);
    const base = entry.machine.config;
    const grown = setup({}).createMachine({ ...(base as object), id: base.id, states: { ...base.states, newState: {} } } as never);
    expect(withChart(page, { ...entry, machine: grown })).not.toBe(page);
    expect(chartBlock({ ...entry, machine: grown })).toContain('newState');
  });
});
