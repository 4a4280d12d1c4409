import { Migration } from '@mikro-orm/migrations';

export class Migration20261126082358 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`statdesk_products\` (\`tenant_id\` text not null, \`id\` text not null, \`kind\` text not null, \`format\` text not null, \`title\` text not null, \`price_rial\` text not null, \`status\` text not null, \`file_key\` text null, primary key (\`tenant_id\`, \`id\`));`);
    this.addSql(`create index \`statdesk_products_listing_idx\` on \`statdesk_products\` (\`tenant_id\`, \`status\`, \`kind\`, \`id\`);`);

    this.addSql(`create table \`statdesk_profiles\` (\`tenant_id\` text not null, \`id\` text not null, \`national_id_hmac\` text not null, \`sealed\` text not null, \`details\` json not null, \`version\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`tenant_id\`, \`id\`));`);
    this.addSql(`create unique index \`statdesk_profiles_national_id_unique\` on \`statdesk_profiles\` (\`tenant_id\`, \`national_id_hmac\`);`);

    this.addSql(`create table \`statdesk_sent_notifications\` (\`idempotency_key\` text not null, \`channel\` text not null, \`template\` text not null, \`provider_message_id\` text null, \`sent_at\` datetime not null, primary key (\`idempotency_key\`));`);
  }

}
