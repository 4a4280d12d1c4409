export { localFileStore, type LocalFileStore, type LocalFileStoreOptions, type SweepOptions, type SweepReport } from './local-file-store';
export { tenantDirectoryName } from './layout';
