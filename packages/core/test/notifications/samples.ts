/** A sample value of every parameter kind, so every template can be rendered in tests. */
import type { NotificationCatalogue, ParameterKind } from '../../src';

export const sampleByKind: Record<ParameterKind, unknown> = {
  text: 'تصویر فیش خوانا نیست / the scan is unreadable',
  reference: 'IO-1403-000123',
  money: 12_500_000n,
  instant: '2024-07-15T10:30:00.000Z',
  count: 3,
  url: 'https://portal.example.ir/orders/IO-1403-000123',
};

export function sampleParams(catalogue: NotificationCatalogue, id: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(catalogue[id]!.params).map(([name, p]) => [name, sampleByKind[p.kind]]));
}
