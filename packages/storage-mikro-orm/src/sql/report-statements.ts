/**
 * The report reads' aggregate SQL. JSON fields are read with each dialect's operators; field
 * names come from code (workflow definitions), are checked to be plain identifiers and are
 * written into the statement, while every value is a parameter.
 */
import { ValidationError } from '@statdesk/core';
import type { Dialect } from '../orm-config';

/** `field` of a JSON column as each dialect reads it. */
interface JsonFields {
  /** The field's text when it is a JSON string, else NULL. */
  string(column: string, field: string): string;
  /** The field as an integer when it is a JSON integer or an engine-encoded bigint (`{"$bigint": "…"}`), else NULL. */
  integer(column: string, field: string): string;
}

// No `?` in these: the PostgreSQL adapter numbers every `?` as a parameter.
const postgresJson: JsonFields = {
  string: (c, f) => `CASE WHEN jsonb_typeof(${c} -> '${f}') = 'string' THEN ${c} ->> '${f}' END`,
  integer: (c, f) =>
    `CASE jsonb_typeof(${c} -> '${f}') WHEN 'number' THEN CASE WHEN (${c} ->> '${f}')::numeric % 1 = 0 THEN (${c} ->> '${f}')::numeric END ` +
    `WHEN 'object' THEN CASE WHEN (${c} -> '${f}' ->> '$bigint') ~ '^-{0,1}[0-9]+$' THEN (${c} -> '${f}' ->> '$bigint')::numeric END END`,
};

const sqliteJson: JsonFields = {
  string: (c, f) => `CASE WHEN json_type(${c}, '$.${f}') = 'text' THEN json_extract(${c}, '$.${f}') END`,
  integer: (c, f) =>
    `CASE json_type(${c}, '$.${f}') WHEN 'integer' THEN json_extract(${c}, '$.${f}') ` +
    `WHEN 'object' THEN CASE WHEN json_type(${c}, '$.${f}."$bigint"') = 'text' AND json_extract(${c}, '$.${f}."$bigint"') NOT GLOB '*[^0-9-]*' THEN CAST(json_extract(${c}, '$.${f}."$bigint"') AS INTEGER) END END`,
};

// PostgreSQL's percentile_disc(p) is the nearest-rank percentile: the first value whose
// cumulative share reaches p, i.e. the value at rank ceil(p·n).
const postgresSlaCompliance = `SELECT workflow, policy, target, clock, best_effort,
    COUNT(*) FILTER (WHERE outcome = 'met') AS met,
    COUNT(*) FILTER (WHERE outcome = 'breached') AS breached,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY elapsed_ms) FILTER (WHERE outcome = 'met' AND elapsed_ms IS NOT NULL) AS median_ms,
    percentile_disc(0.9) WITHIN GROUP (ORDER BY elapsed_ms) FILTER (WHERE outcome = 'met' AND elapsed_ms IS NOT NULL) AS p90_ms
  FROM statdesk_sla_outcomes
  WHERE tenant_id = ? AND decided_at >= ? AND decided_at < ?
  GROUP BY workflow, policy, target, clock, best_effort`;

// SQLite has no percentile aggregate: nearest rank with window functions, the value at rank
// ceil(p·n), where ceil(n/2) = (n + 1) / 2 and ceil(9n/10) = (9n + 9) / 10 in integer division.
const sqliteSlaCompliance = `SELECT workflow, policy, target, clock, best_effort,
    SUM(CASE WHEN outcome = 'met' THEN 1 ELSE 0 END) AS met,
    SUM(CASE WHEN outcome = 'breached' THEN 1 ELSE 0 END) AS breached,
    MIN(CASE WHEN outcome = 'met' AND rn = (n + 1) / 2 THEN elapsed_ms END) AS median_ms,
    MIN(CASE WHEN outcome = 'met' AND rn = (9 * n + 9) / 10 THEN elapsed_ms END) AS p90_ms
  FROM (
    SELECT workflow, policy, target, clock, best_effort, outcome, elapsed_ms,
      ROW_NUMBER() OVER (PARTITION BY workflow, policy, target, clock, best_effort, outcome ORDER BY CASE WHEN elapsed_ms IS NULL THEN 1 ELSE 0 END, elapsed_ms) AS rn,
      COUNT(elapsed_ms) OVER (PARTITION BY workflow, policy, target, clock, best_effort, outcome) AS n
    FROM statdesk_sla_outcomes
    WHERE tenant_id = ? AND decided_at >= ? AND decided_at < ?
  ) o
  GROUP BY workflow, policy, target, clock, best_effort`;

/** A payload field name safe to write into a statement. */
export function payloadField(name: string, path: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new ValidationError('report', [{ path, message: 'must be a plain field name (letters, digits, _)' }]);
  return name;
}

export function reportStatements(dialect: Dialect) {
  const json = dialect === 'postgresql' ? postgresJson : sqliteJson;
  // Sums are returned as text so that neither driver rounds them through a double.
  return {
    slaCompliance: dialect === 'postgresql' ? postgresSlaCompliance : sqliteSlaCompliance,
    volumes: (kindField: string) => `SELECT i.workflow, ${json.string('h.payload', kindField)} AS kind, i.state, COUNT(*) AS n
      FROM statdesk_instances i
      LEFT JOIN statdesk_history h ON h.tenant_id = i.tenant_id AND h.instance_id = i.id AND h.seq = 1
      WHERE i.tenant_id = ? AND i.created_at >= ? AND i.created_at < ?
      GROUP BY i.workflow, ${json.string('h.payload', kindField)}, i.state`,
    // The amount comes from the newest `amountEventType` row at or before the booking row.
    revenue: (amountField: string) => `SELECT COUNT(*) AS n, CAST(SUM(${json.integer('a.payload', amountField)}) AS TEXT) AS total
      FROM statdesk_history h
      JOIN statdesk_instances i ON i.tenant_id = h.tenant_id AND i.id = h.instance_id
      LEFT JOIN statdesk_history a ON a.tenant_id = h.tenant_id AND a.instance_id = h.instance_id AND a.seq = (
        SELECT MAX(s.seq) FROM statdesk_history s
        WHERE s.tenant_id = h.tenant_id AND s.instance_id = h.instance_id AND s.event_type = ? AND s.seq <= h.seq)
      WHERE h.tenant_id = ? AND h.event_type = ? AND h.at >= ? AND h.at < ? AND i.workflow = ?`,
    satisfaction: (scoreField: string) => `SELECT score, COUNT(*) AS n FROM (
        SELECT ${json.integer('h.payload', scoreField)} AS score
        FROM statdesk_history h
        JOIN statdesk_instances i ON i.tenant_id = h.tenant_id AND i.id = h.instance_id
        WHERE h.tenant_id = ? AND h.event_type = ? AND h.at >= ? AND h.at < ? AND i.workflow = ?
      ) r
      WHERE score IS NOT NULL
      GROUP BY score`,
    upsertSlaOutcome: `INSERT INTO statdesk_sla_outcomes
        (tenant_id, instance_id, policy, target, cycle, workflow, outcome, decided_at, stopped_at, elapsed_ms, clock, best_effort)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (tenant_id, instance_id, policy, target, cycle) DO UPDATE SET
        workflow = excluded.workflow, outcome = excluded.outcome, decided_at = excluded.decided_at, stopped_at = excluded.stopped_at,
        elapsed_ms = excluded.elapsed_ms, clock = excluded.clock, best_effort = excluded.best_effort`,
  };
}
