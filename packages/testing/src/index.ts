export * from './memory-storage';
export * from './test-clock';
export * from './recording-notifier';
export * from './create-test-desk';
export * from './conformance/storage-suite';
