// Test helpers usable anywhere (no test runner needed). The conformance suites, which run
// under vitest, are in the `@statdesk/testing/conformance` entry.
export * from './memory-storage';
export * from './memory-file-store';
export * from './memory-profile-store';
export * from './test-clock';
export * from './recording-notifier';
export * from './create-test-desk';
export * from './test-personal-data-sealer';
export * from './storage-oracle';
export * from './workflow-storage';
export * from './memory-catalogue';
export * from './gateway-simulator';
export * from './notifications';
export * from './memory-staff-directory';
