export * from './zoned';
