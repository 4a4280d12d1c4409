import { Migration } from '@mikro-orm/migrations';

/** Work items: one row per open instance, indexed in queue order (urgency rank, sort instant, id). */
export class Migration20261208100001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`statdesk_work_items\` (\`tenant_id\` text not null, \`instance_id\` text not null, \`workflow\` text not null, \`state\` text not null, \`assignee\` text null, \`act_roles\` text not null, \`sla_condition\` text not null, \`due_at\` datetime null, \`escalated\` integer not null, \`urgency_rank\` integer not null, \`sort_at\` datetime not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`tenant_id\`, \`instance_id\`));`);
    this.addSql(`create index \`statdesk_work_items_queue_idx\` on \`statdesk_work_items\` (\`tenant_id\`, \`urgency_rank\`, \`sort_at\`, \`instance_id\`);`);
    this.addSql(`create index \`statdesk_work_items_workflow_idx\` on \`statdesk_work_items\` (\`tenant_id\`, \`workflow\`, \`urgency_rank\`, \`sort_at\`, \`instance_id\`);`);
    this.addSql(`create index \`statdesk_work_items_assignee_idx\` on \`statdesk_work_items\` (\`tenant_id\`, \`assignee\`, \`urgency_rank\`, \`sort_at\`, \`instance_id\`);`);
    this.addSql(`create index \`statdesk_work_items_escalated_idx\` on \`statdesk_work_items\` (\`tenant_id\`, \`escalated\`, \`urgency_rank\`, \`sort_at\`, \`instance_id\`);`);
  }

}
