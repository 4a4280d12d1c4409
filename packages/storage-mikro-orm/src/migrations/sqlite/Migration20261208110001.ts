import { Migration } from '@mikro-orm/migrations';

/** Reports: SLA outcomes per instance, target and cycle, and an index to aggregate history rows by event type and time. */
export class Migration20261208110001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`statdesk_sla_outcomes\` (\`tenant_id\` text not null, \`instance_id\` text not null, \`policy\` text not null, \`target\` text not null, \`cycle\` integer not null, \`workflow\` text not null, \`outcome\` text not null, \`decided_at\` datetime not null, \`stopped_at\` datetime null, \`elapsed_ms\` integer null, \`clock\` text not null, \`best_effort\` integer not null, primary key (\`tenant_id\`, \`instance_id\`, \`policy\`, \`target\`, \`cycle\`));`);
    this.addSql(`create index \`statdesk_sla_outcomes_decided_idx\` on \`statdesk_sla_outcomes\` (\`tenant_id\`, \`decided_at\`);`);
    this.addSql(`create index \`statdesk_history_event_at_idx\` on \`statdesk_history\` (\`tenant_id\`, \`event_type\`, \`at\`);`);
  }

}
