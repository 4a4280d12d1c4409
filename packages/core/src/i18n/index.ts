export { inLanguage } from './language';
export { overrideLabels, type CitizenStatus, type WorkflowLabels, type WorkflowLabelOverrides } from './workflow-labels';
export {
  ENGINE_HISTORY_LABELS,
  SLA_URGENCY_LABELS,
  SLA_PHASE_LABELS,
  TARIFF_LEVEL_LABELS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_DESTINATION_LABELS,
  RECEIPT_STATUS_LABELS,
  DECISION_LABELS,
  type ReceiptStatus,
} from './common-labels';
export { createLabelCatalogue, SHIPPED_WORKFLOW_LABELS, type LabelCatalogue, type LabelCatalogueOptions, type CitizenStatusText } from './label-catalogue';
export { describeState, stateLeaves, type StateDescription } from './describe-state';
export type { LocalizedText } from '../tariffs/localized-text';
export { FIELD_LABELS, fieldLabel } from './field-labels';
export { describeIssue, describeError, ISSUE_CODES, ERROR_REASONS, type DescribeOptions, type ErrorDescription } from './error-messages';
