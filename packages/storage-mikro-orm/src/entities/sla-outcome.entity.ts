import { EntitySchema } from '@mikro-orm/core';

/** One SLA target's outcome on one instance and clock cycle: met or breached, written with the transition that decided it. */
export interface SlaOutcomeRow {
  tenantId: string;
  instanceId: string;
  policy: string;
  target: string;
  cycle: number;
  workflow: string;
  outcome: string;
  decidedAt: Date;
  stoppedAt: Date | null;
  elapsedMs: number | null;
  clock: string;
  bestEffort: boolean;
}

/** Table `statdesk_sla_outcomes`: SLA outcomes for reports, aggregated by decision time. */
export const SlaOutcomeEntity = new EntitySchema<SlaOutcomeRow>({
  name: 'StatdeskSlaOutcome',
  tableName: 'statdesk_sla_outcomes',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    instanceId: { type: 'string', length: 100, primary: true },
    policy: { type: 'string', length: 100, primary: true },
    target: { type: 'string', length: 100, primary: true },
    cycle: { type: 'integer', primary: true },
    workflow: { type: 'string', length: 100 },
    outcome: { type: 'string', length: 10 },
    decidedAt: { type: 'datetime' },
    stoppedAt: { type: 'datetime', nullable: true },
    elapsedMs: { type: 'bigint', nullable: true },
    clock: { type: 'string', length: 10 },
    bestEffort: { type: 'boolean' },
  },
  indexes: [{ name: 'statdesk_sla_outcomes_decided_idx', properties: ['tenantId', 'decidedAt'] }],
});
