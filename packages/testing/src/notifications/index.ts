export * from './memory-contacts';
export * from './recording-transports';
