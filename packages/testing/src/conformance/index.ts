export * from './storage-suite';
export * from './file-store-suite';
export * from './profile-store-suite';
export * from './catalogue-suite';
export * from './sent-notification-store-suite';
export * from './engine-scenarios';
export * from './staff-directory-suite';
