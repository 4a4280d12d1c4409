import { Migration } from '@mikro-orm/migrations';

/**
 * An erased profile keeps no national-ID lookup hash: the column becomes nullable (NULLs never
 * collide in the unique index). SQLite cannot drop NOT NULL in place, so the table is rebuilt.
 */
export class Migration20261126103001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`statdesk_profiles_next\` (\`tenant_id\` text not null, \`id\` text not null, \`national_id_hmac\` text null, \`sealed\` text not null, \`details\` json not null, \`version\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`tenant_id\`, \`id\`));`);
    this.addSql(`insert into \`statdesk_profiles_next\` (\`tenant_id\`, \`id\`, \`national_id_hmac\`, \`sealed\`, \`details\`, \`version\`, \`created_at\`, \`updated_at\`) select \`tenant_id\`, \`id\`, \`national_id_hmac\`, \`sealed\`, \`details\`, \`version\`, \`created_at\`, \`updated_at\` from \`statdesk_profiles\`;`);
    this.addSql(`drop table \`statdesk_profiles\`;`);
    this.addSql(`alter table \`statdesk_profiles_next\` rename to \`statdesk_profiles\`;`);
    this.addSql(`create unique index \`statdesk_profiles_national_id_unique\` on \`statdesk_profiles\` (\`tenant_id\`, \`national_id_hmac\`);`);
  }

}
