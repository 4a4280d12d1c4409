export * from './file-location';
export * from './put-options';
export * from './content-meter';
export * from './sha256';
export * from './sniff-content-type';
export * from './upload-policy';
export * from './peek-head';
export * from './store-upload';
