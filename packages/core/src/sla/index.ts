export {
  slaPolicySchema,
  slaTargetSchema,
  slaConditionSchema,
  slaBudgetSchema,
  type SlaPolicy,
  type SlaPolicyInput,
  type SlaTarget,
  type SlaTargetInput,
  type SlaCondition,
  type SlaBudget,
} from './policy.schema';
export { defineSlaPolicy, isDefinedSlaPolicy } from './define-policy';
export { conditionHolds, type SlaHistoryEntry } from './conditions';
export {
  DEFAULT_WARNING_EVENT,
  DEFAULT_BREACH_EVENT,
  DEFAULT_MISSED_EVENT,
  DEFAULT_OVERRUN_EVENT,
  slaEventType,
  type SlaEventKind,
  type SlaEventPayload,
  type SlaOverrun,
} from './sla-events';
export type { SlaPhase } from './replay';
export {
  computeSlaStatus,
  type SlaStatus,
  type SlaState,
  type SlaWarningStatus,
  type SlaBreach,
  type SlaSpan,
  type SlaComputeOptions,
} from './compute-status';
export { planSlaTimers } from './plan-timers';
export { withSla, type WithSlaOptions, type SlaBinding, type SlaWorkflowDefinition } from './with-sla';
export { slaSummary, compareSlaUrgency, workItemSla, type SlaSummary, type SlaUrgency } from './summary';
export { previewCalendarChange, type SlaCase, type SlaDeadlineChange, type CalendarChangePreview } from './calendar-preview';
export { decidedSlaOutcomes, type DecidedSlaOutcome } from './outcomes';
