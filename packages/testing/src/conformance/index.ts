export * from './storage-suite';
