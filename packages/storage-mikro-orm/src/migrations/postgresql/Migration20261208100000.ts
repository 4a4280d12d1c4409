import { Migration } from '@mikro-orm/migrations';

/** Work items: one row per open instance, indexed in queue order (urgency rank, sort instant, id). */
export class Migration20261208100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "statdesk_work_items" ("tenant_id" varchar(100) not null, "instance_id" varchar(100) not null, "workflow" varchar(100) not null, "state" varchar(300) not null, "assignee" varchar(100) null, "act_roles" varchar(1000) not null, "sla_condition" varchar(16) not null, "due_at" timestamptz null, "escalated" boolean not null, "urgency_rank" smallint not null, "sort_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "statdesk_work_items_pkey" primary key ("tenant_id", "instance_id"));`);
    this.addSql(`create index "statdesk_work_items_queue_idx" on "statdesk_work_items" ("tenant_id", "urgency_rank", "sort_at", "instance_id");`);
    this.addSql(`create index "statdesk_work_items_workflow_idx" on "statdesk_work_items" ("tenant_id", "workflow", "urgency_rank", "sort_at", "instance_id");`);
    this.addSql(`create index "statdesk_work_items_assignee_idx" on "statdesk_work_items" ("tenant_id", "assignee", "urgency_rank", "sort_at", "instance_id");`);
    this.addSql(`create index "statdesk_work_items_escalated_idx" on "statdesk_work_items" ("tenant_id", "escalated", "urgency_rank", "sort_at", "instance_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "statdesk_work_items" cascade;`);
  }

}
