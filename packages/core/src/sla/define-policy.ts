import { ValidationError } from '../errors';
import { slaPolicySchema, type SlaPolicy, type SlaPolicyInput } from './policy.schema';

/**
 * Validates a policy and returns it deeply frozen. Every problem is reported at once as a
 * `ValidationError` whose issues name the path (`targets.0.budget`, `targets.1.pause.0`).
 */
export function defineSlaPolicy(input: SlaPolicyInput): SlaPolicy {
  const parsed = slaPolicySchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'SLA policy',
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, code: issue.code })),
    );
  }
  const policy = deepFreeze(parsed.data);
  defined.add(policy);
  return policy;
}

const defined = new WeakSet<object>();

/** Whether `value` came from `defineSlaPolicy` (validated, defaults applied, frozen). */
export function isDefinedSlaPolicy(value: unknown): value is SlaPolicy {
  return typeof value === 'object' && value !== null && defined.has(value);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
