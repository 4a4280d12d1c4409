export * from './errors';
export * from './ports';
export * from './engine';
export * from './time';
export * from './locale';
export * from './money';
export * from './tariffs';
export * from './calendar';
