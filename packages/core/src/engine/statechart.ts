/**
 * Mermaid `stateDiagram-v2` charts drawn from a machine's own definition, so workflow diagrams
 * in the docs never go stale: a test compares the committed chart with a freshly generated one.
 */
import type { AnyStateMachine } from 'xstate';

// The parts of XState's StateNode the chart reads (its public, documented properties).
interface ChartNode {
  key: string;
  id: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  path: string[];
  states: Record<string, ChartNode>;
  transitions: Map<string, ChartTransition[]>;
  always?: ChartTransition[];
  initial: { target: readonly ChartNode[] };
  description?: string;
}

interface ChartTransition {
  target: readonly ChartNode[] | undefined;
  guard?: unknown;
  eventType: string;
}

/** Options of `statechart()`: how delays and guards are labelled in the Mermaid diagram. */
export interface StatechartOptions {
  /** Names shown for `after` delays, by the delay's key in the event (`decisionDeadline`, `86400000`). */
  delayLabels?: Readonly<Record<string, string>>;
  /** Show transitions that stay in their state (actions only). Default: true. */
  selfTransitions?: boolean;
}

/** The machine as a Mermaid `stateDiagram-v2` (a string without the code fence). */
export function toMermaidStatechart(machine: AnyStateMachine, options: StatechartOptions = {}): string {
  const root = machine.root as unknown as ChartNode;
  const lines = ['stateDiagram-v2'];
  renderChildren(root, lines, '  ', options);
  // Machine-level transitions apply in every state: one note, rather than an arrow from each.
  const everywhere = [...root.transitions].flatMap(([eventType, ts]) =>
    ts.map((t) => {
      const guard = guardName(t.guard);
      const target = t.target?.length ? ` → ${t.target.map((n) => n.key).join(', ')}` : '';
      return `${eventLabel(eventType, options)}${guard ? ` [${guard}]` : ''}${target}`;
    }),
  );
  const first = root.initial?.target?.[0];
  if (everywhere.length && first) lines.push(`  note right of ${nodeId(first)}: in every state: ${everywhere.join('; ')}`);
  return `${lines.join('\n')}\n`;
}

function nodeId(node: ChartNode): string {
  // Mermaid ids must be unique across the chart: use the full path.
  return node.path.map((part) => part.replace(/[^A-Za-z0-9_]/g, '_')).join('__');
}

function renderChildren(parent: ChartNode, lines: string[], indent: string, options: StatechartOptions): void {
  const children = Object.values(parent.states);
  if (!children.length) return;
  if (parent.type === 'parallel') {
    children.forEach((region, i) => {
      if (i > 0) lines.push(`${indent}--`);
      renderNode(region, lines, indent, options);
    });
    return;
  }
  const initial = parent.initial?.target?.[0];
  if (initial) lines.push(`${indent}[*] --> ${nodeId(initial)}`);
  for (const child of children) renderNode(child, lines, indent, options);
}

function renderNode(node: ChartNode, lines: string[], indent: string, options: StatechartOptions): void {
  const id = nodeId(node);
  if (node.type === 'compound' || node.type === 'parallel') {
    lines.push(`${indent}state "${node.key}" as ${id} {`);
    renderChildren(node, lines, `${indent}  `, options);
    lines.push(`${indent}}`);
  } else if (id !== node.key) {
    lines.push(`${indent}state "${node.key}" as ${id}`);
  } else if (node.type !== 'final' && node.transitions.size === 0 && !node.always?.length) {
    // A state with no way out still belongs on the chart.
    lines.push(`${indent}${id}`);
  }
  if (node.description) lines.push(`${indent}note right of ${id}: ${node.description.replace(/\n/g, ' ')}`);
  for (const [eventType, transitions] of node.transitions) {
    for (const t of transitions) renderTransition(node, t, eventLabel(eventType, options), lines, indent, options);
  }
  for (const t of node.always ?? []) renderTransition(node, t, 'always', lines, indent, options);
  if (node.type === 'final') lines.push(`${indent}${id} --> [*]`);
}

function renderTransition(source: ChartNode, t: ChartTransition, label: string, lines: string[], indent: string, options: StatechartOptions): void {
  const guard = guardName(t.guard);
  const text = guard ? `${label} [${guard}]` : label;
  const targets = t.target?.length ? t.target : [source];
  if (!t.target?.length && options.selfTransitions === false) return;
  for (const target of targets) lines.push(`${indent}${nodeId(source)} --> ${nodeId(target)}: ${text}`);
}

function eventLabel(eventType: string, options: StatechartOptions): string {
  const after = /^xstate\.after\.(.+?)\.[^.]+(\..+)?$/.exec(eventType);
  if (!after) return eventType;
  // `xstate.after.<delay>.<stateId>`: the delay is a number of ms or a named delay.
  const delay = eventType.slice('xstate.after.'.length).split('.')[0]!;
  return `after ${options.delayLabels?.[delay] ?? humanDelay(delay)}`;
}

function humanDelay(delay: string): string {
  const ms = Number(delay);
  if (!Number.isFinite(ms)) return delay;
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${unit}`;
  return `${ms} ms`;
}

function guardName(guard: unknown): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String((guard as { type: unknown }).type);
  if (typeof guard === 'function') return guard.name || 'guard';
  return 'guard';
}
