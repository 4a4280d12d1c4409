import { Migration } from '@mikro-orm/migrations';

/** The staff directory: roles and language per member, name and contacts sealed in one column. */
export class Migration20261208100003 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`statdesk_staff\` (\`tenant_id\` text not null, \`id\` text not null, \`roles\` text not null, \`language\` text not null, \`sealed\` text not null, \`updated_at\` datetime not null, primary key (\`tenant_id\`, \`id\`));`);
  }

}
