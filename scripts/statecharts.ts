/**
 * The workflow statecharts in docs/, generated from the machines themselves. Each chart sits in
 * its page between markers; `npm run docs:charts` rewrites it, and a test fails when a committed
 * chart differs from the machine (a state added without regenerating, say).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { complaintWorkflow, incidentWorkflow, informationOrderMachine, paymentMachine, resolvePaymentOptions, shopOrderMachine, toMermaidStatechart, type StatechartOptions } from '@statdesk/core';
import type { AnyStateMachine } from 'xstate';

export interface ChartEntry {
  /** Page under docs/, e.g. `workflows/incidents.md`. */
  doc: string;
  /** Marker name, unique per page. */
  name: string;
  machine: AnyStateMachine;
  options?: StatechartOptions;
}

export const charts: ChartEntry[] = [
  { doc: 'workflows/incidents.md', name: 'incident', machine: incidentWorkflow({ channel: 'mobile-app' }).machine },
  { doc: 'workflows/information-order.md', name: 'information-order', machine: informationOrderMachine() },
  { doc: 'workflows/complaints.md', name: 'complaint', machine: complaintWorkflow().machine },
  { doc: 'workflows/shop-order.md', name: 'shop-order', machine: shopOrderMachine() },
  { doc: 'workflows/shop-order.md', name: 'payment', machine: paymentMachine(resolvePaymentOptions()) },
];

export const docsRoot = join(import.meta.dirname, '..', 'docs');

function markers(name: string) {
  return {
    start: `<!-- statechart:${name} (generated from the machine by \`npm run docs:charts\`; do not edit) -->`,
    end: `<!-- /statechart:${name} -->`,
  };
}

export function chartBlock(entry: ChartEntry): string {
  const { start, end } = markers(entry.name);
  return `${start}\n\`\`\`mermaid\n${toMermaidStatechart(entry.machine, entry.options)}\`\`\`\n${end}`;
}

/** The page with its chart block replaced, or `undefined` when the page has no markers for it. */
export function withChart(page: string, entry: ChartEntry): string | undefined {
  const { start, end } = markers(entry.name);
  const from = page.indexOf(start.slice(0, start.indexOf(' (')));
  const to = page.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return page.slice(0, from) + chartBlock(entry) + page.slice(to + end.length);
}

export async function readPage(entry: ChartEntry): Promise<string> {
  return readFile(join(docsRoot, entry.doc), 'utf8');
}

export async function writeCharts(): Promise<string[]> {
  const changed: string[] = [];
  for (const entry of charts) {
    const page = await readPage(entry);
    const next = withChart(page, entry) ?? `${page.trimEnd()}\n\n## Statechart\n\n${chartBlock(entry)}\n`;
    if (next !== page) {
      await writeFile(join(docsRoot, entry.doc), next);
      changed.push(entry.doc);
    }
  }
  return changed;
}
