import { Migration } from '@mikro-orm/migrations';

export class Migration20261126071959 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`statdesk_commands\` (\`tenant_id\` text not null, \`idempotency_key\` text not null, \`fingerprint\` text not null, \`result\` json not null, \`created_at\` datetime not null, primary key (\`tenant_id\`, \`idempotency_key\`));`);

    this.addSql(`create table \`statdesk_history\` (\`tenant_id\` text not null, \`instance_id\` text not null, \`seq\` integer not null, \`at\` datetime not null, \`actor_id\` text not null, \`actor_role\` text not null, \`event_type\` text not null, \`from_state\` text null, \`to_state\` text not null, \`definition_version\` text not null, \`payload\` json not null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`tenant_id\`, \`instance_id\`, \`seq\`));`);

    this.addSql(`create table \`statdesk_instances\` (\`tenant_id\` text not null, \`id\` text not null, \`workflow\` text not null, \`definition_version\` text not null, \`state\` text not null, \`status\` text not null, \`owner_id\` text null, \`snapshot\` json not null, \`version\` integer not null, \`history_seq\` integer not null, \`history_hash\` text not null, \`keys\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`tenant_id\`, \`id\`));`);
    this.addSql(`create index \`statdesk_instances_workflow_state_idx\` on \`statdesk_instances\` (\`tenant_id\`, \`workflow\`, \`state\`);`);
    this.addSql(`create index \`statdesk_instances_owner_idx\` on \`statdesk_instances\` (\`tenant_id\`, \`owner_id\`);`);
    this.addSql(`create index \`statdesk_instances_created_idx\` on \`statdesk_instances\` (\`tenant_id\`, \`created_at\`, \`id\`);`);

    this.addSql(`create table \`statdesk_instance_keys\` (\`tenant_id\` text not null, \`instance_id\` text not null, \`name\` text not null, \`value\` text not null, \`is_unique\` integer not null, primary key (\`tenant_id\`, \`instance_id\`, \`name\`, \`value\`));`);
    this.addSql(`create index \`statdesk_instance_keys_lookup_idx\` on \`statdesk_instance_keys\` (\`tenant_id\`, \`name\`, \`value\`);`);
    this.addSql(`create unique index "statdesk_instance_keys_unique_value" on "statdesk_instance_keys" ("tenant_id", "name", "value") where "is_unique";`);

    this.addSql(`create table \`statdesk_outbox\` (\`id\` text not null, \`tenant_id\` text not null, \`instance_id\` text not null, \`type\` text not null, \`payload\` json not null, \`idempotency_key\` text not null, \`status\` text not null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`created_at\` datetime not null, \`completed_at\` datetime null, \`lease_owner\` text null, \`lease_until\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`statdesk_outbox_idempotency_key_unique\` on \`statdesk_outbox\` (\`idempotency_key\`);`);
    this.addSql(`create index \`statdesk_outbox_pending_idx\` on \`statdesk_outbox\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`statdesk_outbox_instance_idx\` on \`statdesk_outbox\` (\`tenant_id\`, \`instance_id\`);`);

    this.addSql(`create table \`statdesk_timers\` (\`id\` text not null, \`tenant_id\` text not null, \`instance_id\` text not null, \`key\` text not null, \`due_at\` datetime not null, \`event\` json not null, \`created_at\` datetime not null, \`lease_owner\` text null, \`lease_until\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`statdesk_timers_due_idx\` on \`statdesk_timers\` (\`due_at\`, \`lease_until\`);`);
    this.addSql(`create unique index \`statdesk_timers_instance_key_unique\` on \`statdesk_timers\` (\`tenant_id\`, \`instance_id\`, \`key\`);`);
  }

}
