/**
 * SLA policies as data: named targets, each a clock with start/pause/resume/stop/cancel
 * conditions, a budget, warning thresholds and the events its warnings and breach send.
 * Validated with zod so a bad policy names the offending path (`targets.1.pause.0`).
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

/**
 * When a condition holds for a history row:
 * - `state`: the row's resulting state is exactly this flattened state (`consultation.awaitingApplicant`);
 * - `statePrefix`: the resulting state is this state or one of its descendants (`consultation`
 *   matches `consultation.awaitingApplicant`, not `consultationNotes`);
 * - `event`: the row records this event type (`reply`, `statdesk.create`, `sla.breach`).
 * State conditions hold for as long as the instance stays there; event conditions hold only on
 * their own row. With parallel states any leaf may match.
 */
export const slaConditionSchema = z
  .strictObject({ state: nonEmpty.optional(), statePrefix: nonEmpty.optional(), event: nonEmpty.optional() })
  .refine((c) => [c.state, c.statePrefix, c.event].filter((v) => v !== undefined).length === 1, {
    message: 'a condition names exactly one of state, statePrefix or event',
  });

const positive = z.number().finite().positive();

/** Exactly one of minutes, hours or days. Business days are working days; wall days are 24 h. */
export const slaBudgetSchema = z
  .strictObject({ minutes: positive.optional(), hours: positive.optional(), days: z.number().int().positive().optional() })
  .refine((b) => [b.minutes, b.hours, b.days].filter((v) => v !== undefined).length === 1, {
    message: 'a budget is exactly one of minutes, hours or days',
  });

const eventType = z.string().regex(/^[a-zA-Z][\w.-]*$/, 'an event type: letters, digits, ".", "-", "_"');

/**
 * Schema of one SLA target: when its clock starts, pauses, stops and is cancelled (history conditions), its
 * budget on a business or wall clock, warnings, and restart behaviour.
 */
export const slaTargetSchema = z
  .strictObject({
    /** Stable name used in timer keys, history payloads and reports, e.g. `firstResponse`. */
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'a target name: letters, digits and "-", starting with a letter'),
    title: z.strictObject({ fa: nonEmpty, en: nonEmpty }).optional(),
    /** `business` spends only working time of the calendar; `wall` spends every minute. */
    clock: z.enum(['business', 'wall']).default('business'),
    budget: slaBudgetSchema,
    /** How `{days}` business budgets count working days (see addBusinessTime). */
    workingDays: z.enum(['same-position', 'end-of-day']).default('same-position'),
    start: z.array(slaConditionSchema).min(1, 'a target needs at least one start condition'),
    pause: z.array(slaConditionSchema).default([]),
    /** Empty: the clock resumes as soon as no state pause condition holds any more. */
    resume: z.array(slaConditionSchema).default([]),
    stop: z.array(slaConditionSchema).default([]),
    cancel: z.array(slaConditionSchema).default([]),
    /**
     * What a start condition does after the clock stopped: `never` restart; `continue` the same
     * clock (budget already spent stays spent, the stopped stretch does not count); `reset` to a
     * fresh cycle with its own warnings and breach.
     */
    restart: z.enum(['never', 'continue', 'reset']).default('never'),
    /** Fractions of the budget at which warnings fire. */
    warnings: z.array(z.number().gt(0).lt(1)).default([0.5, 0.75, 0.9]),
    /**
     * A best-effort objective ("restore the portal without delay, as far as possible"): missing
     * it is recorded but does not escalate, because its breach event defaults to `sla.missed`,
     * which workflows do not react to.
     */
    bestEffort: z.boolean().default(false),
    events: z
      .strictObject({ warning: eventType.optional(), breach: eventType.optional(), overrun: eventType.optional() })
      .default({}),
  })
  .superRefine((target, ctx) => {
    const seen = new Set<number>();
    target.warnings.forEach((w, i) => {
      if (seen.has(w)) ctx.addIssue({ code: 'custom', path: ['warnings', i], message: `threshold ${w} is listed twice` });
      seen.add(w);
    });
    if (target.resume.length === 0) {
      target.pause.forEach((c, i) => {
        if (c.event !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['pause', i], message: 'a pause on an event needs resume conditions (an event holds only on its own row)' });
        }
      });
    }
    if (target.clock === 'wall' && target.workingDays !== 'same-position') {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], message: 'working days apply to business clocks only' });
    }
  });

/** Schema of an SLA policy: an id, a version and uniquely named targets. */
export const slaPolicySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a policy id: kebab-case'),
    /** Bump on every edit: a workflow bound to a policy carries its version. */
    version: nonEmpty,
    targets: z.array(slaTargetSchema).min(1, 'a policy needs at least one target'),
  })
  .superRefine((policy, ctx) => {
    const names = new Set<string>();
    policy.targets.forEach((t, i) => {
      if (names.has(t.name)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'name'], message: `target "${t.name}" is defined twice` });
      names.add(t.name);
    });
  });

/** A history condition: an event type and/or a state entered. */
export type SlaCondition = z.output<typeof slaConditionSchema>;
/** A target's budget: minutes, hours or working days. */
export type SlaBudget = z.output<typeof slaBudgetSchema>;
/** An SLA target as written (before defaults). */
export type SlaTargetInput = z.input<typeof slaTargetSchema>;
/** An SLA policy as written; pass it to `defineSlaPolicy`. */
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;
/** A validated SLA target. */
export type SlaTarget = Readonly<z.output<typeof slaTargetSchema>>;
/** A validated, frozen SLA policy. */
export interface SlaPolicy {
  /** Policy id. */
  readonly id: string;
  /** Policy version; history events record it. */
  readonly version: string;
  /** Its targets, in order. */
  readonly targets: readonly SlaTarget[];
}
