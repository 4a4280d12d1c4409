import { Migration } from '@mikro-orm/migrations';

/** Shared public rate limits: one token bucket per hashed client key, swept by `full_at_ms`. */
export class Migration20261208120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "statdesk_rate_buckets" ("bucket_key" varchar(64) not null, "tokens" double precision not null, "updated_ms" bigint not null, "full_at_ms" double precision not null, "allowed" boolean not null, constraint "statdesk_rate_buckets_pkey" primary key ("bucket_key"));`);
    this.addSql(`create index "statdesk_rate_buckets_full_at_index" on "statdesk_rate_buckets" ("full_at_ms");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "statdesk_rate_buckets" cascade;`);
  }

}
