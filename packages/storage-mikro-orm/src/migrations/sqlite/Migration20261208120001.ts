import { Migration } from '@mikro-orm/migrations';

/** Shared public rate limits: one token bucket per hashed client key, swept by `full_at_ms`. */
export class Migration20261208120001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`statdesk_rate_buckets\` (\`bucket_key\` text not null, \`tokens\` real not null, \`updated_ms\` integer not null, \`full_at_ms\` real not null, \`allowed\` integer not null, primary key (\`bucket_key\`));`);
    this.addSql(`create index \`statdesk_rate_buckets_full_at_index\` on \`statdesk_rate_buckets\` (\`full_at_ms\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`statdesk_rate_buckets\`;`);
  }

}
