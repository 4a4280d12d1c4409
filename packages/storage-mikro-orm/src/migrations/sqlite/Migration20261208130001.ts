import { Migration } from '@mikro-orm/migrations';

/** Sent-notification intents: a row is written as `sending` before the provider is called. */
export class Migration20261208130001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`statdesk_sent_notifications\` add column \`state\` text not null default 'sent';`);
  }

}
