/**
 * What the conformance suite does not cover: options validation, migrations, an application's
 * own ORM, transactions poisoned by a swallowed conflict, and SQLite re-entrancy, turns and sharing the ORM's connection.
 */
import { MikroORM } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { ConflictError, ValidationError } from '@statdesk/core';
import { migrate, mikroOrmStorage, statdeskMigrations, type MikroOrmStorageOptions } from '@statdesk/storage-mikro-orm';
import { historyRecord, instanceRecord } from '@statdesk/testing/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSchema, type PostgresSchema } from './support/postgres';

describe('options', () => {
  it.each([
    [{ driver: 'mysql' }, ['driver']],
    [{ driver: 'postgresql', clientUrl: 'mysql://x' }, ['clientUrl']],
    [{ driver: 'postgresql', clientUrl: 'postgres://x/db', schema: 'Drop Table', settings: { 'bad name': 'x' } }, ['schema', 'settings.bad name']],
    [{ driver: 'sqlite', dbName: '' }, ['dbName']],
  ])('rejects %j naming the fields', async (options, fields) => {
    const error = await mikroOrmStorage(options as unknown as MikroOrmStorageOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(fields);
  });

  it('rejects a bad page size or cursor naming the field', async () => {
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
    try {
      await expect(storage.listInstances({ tenantId: 't', limit: 501 })).rejects.toMatchObject({ fields: ['limit'] });
      await expect(storage.listInstances({ tenantId: 't', limit: 10, cursor: 'nonsense' })).rejects.toMatchObject({ fields: ['cursor'] });
    } finally {
      await storage.close();
    }
  });
});

describe('migrations on SQLite', () => {
  it('apply the shipped set once; a second run finds nothing to do', async () => {
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:' });
    try {
      expect(await migrate(storage)).toEqual({ applied: statdeskMigrations('sqlite').map((m) => m.name) });
      expect(await migrate(storage)).toEqual({ applied: [] });
      const tables = (await storage.orm.em.getConnection().execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'statdesk_%' ORDER BY name")) as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual([
        'statdesk_commands', 'statdesk_history', 'statdesk_instance_keys', 'statdesk_instances', 'statdesk_migrations', 'statdesk_outbox',
        'statdesk_products', 'statdesk_profiles', 'statdesk_rate_buckets', 'statdesk_sent_notifications', 'statdesk_sla_outcomes', 'statdesk_staff', 'statdesk_timers',
        'statdesk_work_items',
      ]);
    } finally {
      await storage.close();
    }
  });

  it("run on an application's own ORM, whose close stays the application's", async () => {
    const orm = await MikroORM.init({ driver: BetterSqliteDriver, dbName: ':memory:', entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
    try {
      const storage = await mikroOrmStorage({ orm, migrate: true });
      await storage.transaction((tx) => tx.insertInstance(instanceRecord({ id: 'app-orm' })));
      await storage.close();
      expect(await orm.isConnected()).toBe(true);
      const rows = await orm.em.getConnection().execute<{ id: string }[]>('SELECT id FROM statdesk_instances');
      expect(rows).toEqual([{ id: 'app-orm' }]);
      // The application's own migrations table is untouched.
      const own = await orm.em.getConnection().execute<unknown[]>("SELECT name FROM sqlite_master WHERE name = 'mikro_orm_migrations'");
      expect(own).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});

describe('SQLite transactions', () => {
  it('a storage call inside a transaction joins it instead of waiting for itself', async () => {
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
    try {
      const record = instanceRecord();
      const seen = await storage.transaction(async (tx) => {
        await tx.insertInstance(record);
        return storage.getInstance({ tenantId: record.tenantId, instanceId: record.id });
      });
      expect(seen?.id).toBe(record.id);
    } finally {
      await storage.close();
    }
  });

  it('take turns in the order they were asked for; a failed one undoes its writes and the next still runs', async () => {
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
    try {
      const steps: string[] = [];
      const records = Array.from({ length: 5 }, () => instanceRecord());
      const outcomes = await Promise.allSettled(
        records.map((record, i) =>
          storage.transaction(async (tx) => {
            steps.push(`begin ${i}`);
            await tx.insertInstance(record);
            await tx.loadInstance({ tenantId: record.tenantId, instanceId: record.id });
            steps.push(`end ${i}`);
            if (i === 2) throw new Error('the caller gave up');
          }),
        ),
      );
      expect(steps).toEqual(records.flatMap((_, i) => [`begin ${i}`, `end ${i}`]));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const stored = await Promise.all(records.map((r) => storage.getInstance({ tenantId: r.tenantId, instanceId: r.id })));
      expect(stored.map((r) => r !== undefined)).toEqual([true, true, false, true, true]);
    } finally {
      await storage.close();
    }
  });

  it("let the application's own queries on a shared ORM in while the storage is kept busy", async () => {
    const orm = await MikroORM.init({ driver: BetterSqliteDriver, dbName: ':memory:', entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
    const storage = await mikroOrmStorage({ orm, migrate: true });
    try {
      // Four clients run transactions back to back until the application's query got through
      // (or give up after many: the storage would then have kept the connection to itself).
      let appQueryDone = false;
      let transactions = 0;
      const clients = Array.from({ length: 4 }, async () => {
        while (!appQueryDone && transactions < 20_000) {
          await storage.transaction((tx) => tx.insertInstance(instanceRecord()));
          transactions++;
        }
      });
      while (transactions < 10) await storage.getInstance({ tenantId: 't', instanceId: 'none' });
      const [row] = await orm.em.getConnection().execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM statdesk_instances');
      appQueryDone = true;
      await Promise.all(clients);
      expect(row?.n).toBeGreaterThanOrEqual(10);
      expect(transactions).toBeLessThan(20_000);
      // Idle, the storage has given the connection back: the application's next query needs no storage call.
      const [after] = await orm.em.getConnection().execute<{ n: number }[]>('SELECT COUNT(*) AS n FROM statdesk_instances');
      expect(after?.n).toBe(transactions);
    } finally {
      await storage.close();
      await orm.close(true);
    }
  });
});

describe('on PostgreSQL', () => {
  let db: PostgresSchema;
  beforeAll(async () => {
    db = await postgresSchema('behaviour');
  });
  afterAll(async () => db?.drop());

  it('a conflict the caller swallowed still fails the commit, and nothing is written', async () => {
    const record = instanceRecord();
    await db.storage.transaction(async (tx) => {
      await tx.insertInstance(record);
      await tx.appendHistory(historyRecord(record, 1));
    });
    const error = await db.storage
      .transaction(async (tx) => {
        await tx.putTimer({ id: 'swallowed', tenantId: record.tenantId, instanceId: record.id, key: 'k', dueAt: new Date(), event: null, createdAt: new Date() });
        await tx.appendHistory(historyRecord(record, 1)).catch(() => undefined);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((await db.client.query('SELECT COUNT(*)::int AS n FROM statdesk_timers')).rows[0]).toEqual({ n: 0 });
  });

  it('processes migrating at once take turns; one applies, the others find nothing', async () => {
    const { client, url } = db;
    const schema = `${db.schema}_m`;
    await client.query(`CREATE SCHEMA ${schema}`);
    try {
      const reports = await Promise.all([1, 2, 3].map(() => migrate({ driver: 'postgresql', clientUrl: url, schema })));
      expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, statdeskMigrations('postgresql').length]);
      const { rows } = await client.query(`SELECT name FROM ${schema}.statdesk_migrations`);
      expect(rows.map((r: { name: string }) => r.name)).toEqual(statdeskMigrations('postgresql').map((m) => m.name));
    } finally {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });

  it('session settings reach every connection', async () => {
    const storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: db.url, schema: db.schema, settings: { application_name: 'statdesk-test' } });
    try {
      const rows = await storage.orm.em.getConnection().execute<{ application_name: string }[]>('SHOW application_name');
      expect(rows).toEqual([{ application_name: 'statdesk-test' }]);
    } finally {
      await storage.close();
    }
  });
});
