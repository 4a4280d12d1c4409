import { it } from 'vitest';

/** What every conformance suite takes: a fresh subject per test, and reasons for disabled tests. */
export interface SuiteOptions<Name extends string, Subject extends { teardown?: () => Promise<void> }> {
  setup: () => Promise<Subject>;
  disable?: Partial<Record<Name, string>>;
}

/**
 * The `test` of a conformance suite: each named test gets a fresh subject from `setup` and tears
 * it down after; a test can be disabled only with a reason, which shows in its name.
 */
export function namedTest<Name extends string, Subject extends { teardown?: () => Promise<void> }>(
  options: SuiteOptions<Name, Subject>,
  defaultTimeoutMs?: number,
) {
  return (name: Name, body: (subject: Subject) => Promise<void>, timeoutMs?: number): void => {
    const reason = options.disable?.[name];
    it.skipIf(reason !== undefined)(
      reason ? `${name} (disabled: ${reason})` : name,
      async () => {
        const subject = await options.setup();
        try {
          await body(subject);
        } finally {
          await subject.teardown?.();
        }
      },
      timeoutMs ?? defaultTimeoutMs,
    );
  };
}
