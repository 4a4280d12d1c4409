import { Migration } from '@mikro-orm/migrations';

/** The staff directory: roles and language per member, name and contacts sealed in one column. */
export class Migration20261208100002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "statdesk_staff" ("tenant_id" varchar(100) not null, "id" varchar(100) not null, "roles" varchar(1000) not null, "language" varchar(2) not null, "sealed" text not null, "updated_at" timestamptz not null, constraint "statdesk_staff_pkey" primary key ("tenant_id", "id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "statdesk_staff" cascade;`);
  }

}
