import { Migration } from '@mikro-orm/migrations';

/** Reports: SLA outcomes per instance, target and cycle, and an index to aggregate history rows by event type and time. */
export class Migration20261208110000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "statdesk_sla_outcomes" ("tenant_id" varchar(100) not null, "instance_id" varchar(100) not null, "policy" varchar(100) not null, "target" varchar(100) not null, "cycle" int not null, "workflow" varchar(100) not null, "outcome" varchar(10) not null, "decided_at" timestamptz not null, "stopped_at" timestamptz null, "elapsed_ms" bigint null, "clock" varchar(10) not null, "best_effort" boolean not null, constraint "statdesk_sla_outcomes_pkey" primary key ("tenant_id", "instance_id", "policy", "target", "cycle"));`);
    this.addSql(`create index "statdesk_sla_outcomes_decided_idx" on "statdesk_sla_outcomes" ("tenant_id", "decided_at");`);
    this.addSql(`create index "statdesk_history_event_at_idx" on "statdesk_history" ("tenant_id", "event_type", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "statdesk_history_event_at_idx";`);
    this.addSql(`drop table if exists "statdesk_sla_outcomes" cascade;`);
  }

}
