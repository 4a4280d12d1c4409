import { Migration } from '@mikro-orm/migrations';

export class Migration20261126072036 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "statdesk_commands" ("tenant_id" varchar(100) not null, "idempotency_key" varchar(300) not null, "fingerprint" varchar(128) not null, "result" jsonb not null, "created_at" timestamptz not null, constraint "statdesk_commands_pkey" primary key ("tenant_id", "idempotency_key"));`);

    this.addSql(`create table "statdesk_history" ("tenant_id" varchar(100) not null, "instance_id" varchar(100) not null, "seq" int not null, "at" timestamptz not null, "actor_id" varchar(100) not null, "actor_role" varchar(100) not null, "event_type" varchar(200) not null, "from_state" varchar(200) null, "to_state" varchar(200) not null, "definition_version" varchar(50) not null, "payload" jsonb not null, "prev_hash" varchar(128) not null, "hash" varchar(128) not null, constraint "statdesk_history_pkey" primary key ("tenant_id", "instance_id", "seq"));`);

    this.addSql(`create table "statdesk_instances" ("tenant_id" varchar(100) not null, "id" varchar(100) not null, "workflow" varchar(100) not null, "definition_version" varchar(50) not null, "state" varchar(200) not null, "status" varchar(10) not null, "owner_id" varchar(100) null, "snapshot" jsonb not null, "version" int not null, "history_seq" int not null, "history_hash" varchar(128) not null, "keys" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "statdesk_instances_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "statdesk_instances_workflow_state_idx" on "statdesk_instances" ("tenant_id", "workflow", "state");`);
    this.addSql(`create index "statdesk_instances_owner_idx" on "statdesk_instances" ("tenant_id", "owner_id");`);
    this.addSql(`create index "statdesk_instances_created_idx" on "statdesk_instances" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "statdesk_instance_keys" ("tenant_id" varchar(100) not null, "instance_id" varchar(100) not null, "name" varchar(100) not null, "value" varchar(300) not null, "is_unique" boolean not null, constraint "statdesk_instance_keys_pkey" primary key ("tenant_id", "instance_id", "name", "value"));`);
    this.addSql(`create index "statdesk_instance_keys_lookup_idx" on "statdesk_instance_keys" ("tenant_id", "name", "value");`);
    this.addSql(`create unique index "statdesk_instance_keys_unique_value" on "statdesk_instance_keys" ("tenant_id", "name", "value") where "is_unique";`);

    this.addSql(`create table "statdesk_outbox" ("id" varchar(64) not null, "tenant_id" varchar(100) not null, "instance_id" varchar(100) not null, "type" varchar(100) not null, "payload" jsonb not null, "idempotency_key" varchar(300) not null, "status" varchar(10) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "completed_at" timestamptz null, "lease_owner" varchar(100) null, "lease_until" timestamptz null, constraint "statdesk_outbox_pkey" primary key ("id"));`);
    this.addSql(`alter table "statdesk_outbox" add constraint "statdesk_outbox_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "statdesk_outbox_pending_idx" on "statdesk_outbox" ("status", "next_attempt_at");`);
    this.addSql(`create index "statdesk_outbox_instance_idx" on "statdesk_outbox" ("tenant_id", "instance_id");`);

    this.addSql(`create table "statdesk_timers" ("id" varchar(64) not null, "tenant_id" varchar(100) not null, "instance_id" varchar(100) not null, "key" varchar(300) not null, "due_at" timestamptz not null, "event" jsonb not null, "created_at" timestamptz not null, "lease_owner" varchar(100) null, "lease_until" timestamptz null, constraint "statdesk_timers_pkey" primary key ("id"));`);
    this.addSql(`create index "statdesk_timers_due_idx" on "statdesk_timers" ("due_at", "lease_until");`);
    this.addSql(`alter table "statdesk_timers" add constraint "statdesk_timers_instance_key_unique" unique ("tenant_id", "instance_id", "key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "statdesk_commands" cascade;`);

    this.addSql(`drop table if exists "statdesk_history" cascade;`);

    this.addSql(`drop table if exists "statdesk_instances" cascade;`);

    this.addSql(`drop table if exists "statdesk_instance_keys" cascade;`);

    this.addSql(`drop table if exists "statdesk_outbox" cascade;`);

    this.addSql(`drop table if exists "statdesk_timers" cascade;`);
  }

}
