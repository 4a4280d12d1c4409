export * from './storage-suite';
export * from './file-store-suite';
