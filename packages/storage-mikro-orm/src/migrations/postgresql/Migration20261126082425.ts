import { Migration } from '@mikro-orm/migrations';

export class Migration20261126082425 extends Migration {

  override async up(): Promise<void> {
    // Hand-added `collate "C"` (MikroORM has no collation option): listings are in code-point id
    // order whatever the database's default collation, and the key index serves that order.
    this.addSql(`create table "statdesk_products" ("tenant_id" varchar(100) not null, "id" varchar(100) collate "C" not null, "kind" varchar(20) not null, "format" varchar(20) not null, "title" varchar(300) not null, "price_rial" varchar(40) not null, "status" varchar(20) not null, "file_key" varchar(500) null, constraint "statdesk_products_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "statdesk_products_listing_idx" on "statdesk_products" ("tenant_id", "status", "kind", "id");`);

    this.addSql(`create table "statdesk_profiles" ("tenant_id" varchar(100) not null, "id" varchar(100) not null, "national_id_hmac" varchar(64) not null, "sealed" text not null, "details" jsonb not null, "version" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "statdesk_profiles_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`alter table "statdesk_profiles" add constraint "statdesk_profiles_national_id_unique" unique ("tenant_id", "national_id_hmac");`);

    this.addSql(`create table "statdesk_sent_notifications" ("idempotency_key" varchar(500) not null, "channel" varchar(10) not null, "template" varchar(200) not null, "provider_message_id" varchar(300) null, "sent_at" timestamptz not null, constraint "statdesk_sent_notifications_pkey" primary key ("idempotency_key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "statdesk_products" cascade;`);

    this.addSql(`drop table if exists "statdesk_profiles" cascade;`);

    this.addSql(`drop table if exists "statdesk_sent_notifications" cascade;`);
  }

}
