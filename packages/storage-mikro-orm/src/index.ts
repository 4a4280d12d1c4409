export { mikroOrmStorage, MikroOrmStorage, type ExistingOrmOptions, type MikroOrmStorageOptions } from './mikro-orm-storage';
export { migrate, type MigrationReport } from './migrate';
export type { ConnectionOptions, Dialect, PostgresConnectionOptions, SqliteConnectionOptions } from './orm-config';
export { statdeskEntities, CommandEntity, HistoryEntity, InstanceEntity, InstanceKeyEntity, OutboxEntity, TimerEntity } from './entities';
export { statdeskMigrations } from './migrations';
