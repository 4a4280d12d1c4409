export { mikroOrmStorage, MikroOrmStorage, type ExistingOrmOptions, type MikroOrmStorageOptions } from './mikro-orm-storage';
export { migrate, type MigrationReport } from './migrate';
export type { ConnectionOptions, Dialect, PostgresConnectionOptions, SqliteConnectionOptions } from './orm-config';
export {
  statdeskEntities,
  CommandEntity,
  HistoryEntity,
  InstanceEntity,
  InstanceKeyEntity,
  OutboxEntity,
  ProductEntity,
  ProfileEntity,
  RateBucketEntity,
  SentNotificationEntity,
  TimerEntity,
} from './entities';
export { statdeskMigrations } from './migrations';
export {
  mikroOrmProfileStore,
  MikroOrmProfileStore,
  type MikroOrmProfileStoreOptions,
  type ResealCursor,
  type ResealOptions,
  type ResealReport,
} from './mikro-orm-profile-store';
export { profileKeysFromSecret } from './profile-keys-from-secret';
export { mikroOrmCatalogue, MikroOrmCatalogue } from './mikro-orm-catalogue';
export { mikroOrmSentNotifications, MikroOrmSentNotifications } from './mikro-orm-sent-notifications';
export { mikroOrmRateLimiter, MikroOrmRateLimiter, type MikroOrmRateLimiterOptions } from './mikro-orm-rate-limiter';
export { mikroOrmStaffDirectory, MikroOrmStaffDirectory, type MikroOrmStaffDirectoryOptions } from './mikro-orm-staff-directory';
