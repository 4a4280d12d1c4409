export type * from './json';
export * from './clock';
export type * from './storage';
export type * from './notification';
export type * from './payment';
export type * from './catalogue';
export type * from './files';
export type * from './profiles';
export type * from './profile-keys';
