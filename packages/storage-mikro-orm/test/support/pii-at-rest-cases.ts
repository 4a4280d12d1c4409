/**
 * The planted-ID scan: after `runPlantedScenario`, every log line, every history payload and
 * every column of every table in the database (found from the catalogue, not from a list) is
 * searched for the planted person's values, in Latin, Persian and Arabic digits: none may be
 * found (the shop order keeps the checkout particulars sealed). Then the profile is erased, the
 * shop order's particulars too, and the scan repeats; the orders' money and history chains must be
 * as they were (the shop order's chain one erasure row longer).
 */
import {
  decodeJson,
  ERASE_PERSONAL_DATA_EVENT,
  forgetShopCustomer,
  readShopOrderParticulars,
  toLatinDigits,
  toPersianDigits,
  verifyHistoryChain,
  type HistoryRecord,
  type InstanceRecord,
} from '@statdesk/core';
import type { MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { PLANTED, privacyOfficer, runPlantedScenario, tenantId, type PlantedRun } from './pii-scenario';

/** Reads the database directly, on a connection of its own. */
export interface TableReader {
  /** Every table of the database (or schema). */
  tables(): Promise<string[]>;
  /** Every row of a table, every column. */
  rows(table: string): Promise<Record<string, unknown>[]>;
}

export interface PiiDatabase {
  storage: MikroOrmStorage;
  reader: TableReader;
  close(): Promise<void>;
}

type Field = keyof typeof PLANTED;

/** What is searched for each planted field: distinctive parts, so a reformatted copy is caught too. */
const NEEDLES: Record<Field, string[]> = {
  nationalId: [PLANTED.nationalId],
  // Without the leading 0, so +98 and 0098 forms match as well.
  mobile: [PLANTED.mobile.slice(1)],
  email: [PLANTED.email, PLANTED.email.split('@')[0]!],
  fullName: ['Zarrinkamar'],
  postalAddress: [PLANTED.postalAddress, 'Baba Afzal'],
  postalCode: [PLANTED.postalCode],
};

/** The planted fields `text` holds, whatever digit set it writes them in. */
export function plantedIn(text: string): Field[] {
  const latin = toLatinDigits(text).toLowerCase();
  return (Object.keys(NEEDLES) as Field[]).filter((field) => NEEDLES[field].some((needle) => latin.includes(needle.toLowerCase())));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface ScanReport {
  tables: number;
  columns: number;
  rows: number;
  cells: number;
  historyPayloads: number;
  /** `field in table.column[row id]`, sorted. */
  findings: string[];
}

export async function scanDatabase(reader: TableReader): Promise<ScanReport> {
  const report: ScanReport = { tables: 0, columns: 0, rows: 0, cells: 0, historyPayloads: 0, findings: [] };
  const findings = new Set<string>();
  for (const table of await reader.tables()) {
    report.tables++;
    const rows = await reader.rows(table);
    const columns = new Set<string>();
    for (const row of rows) {
      report.rows++;
      const rowId = cellText(row.id ?? row.instance_id ?? row.idempotency_key ?? row.name ?? '?');
      for (const [column, value] of Object.entries(row)) {
        columns.add(column);
        report.cells++;
        if (table === 'statdesk_history' && column === 'payload') report.historyPayloads++;
        for (const field of plantedIn(cellText(value))) findings.add(`${field} in ${table}.${column}[${rowId}]`);
      }
    }
    report.columns += columns.size;
  }
  report.findings = [...findings].sort();
  return report;
}

interface FinancialState {
  instances: (InstanceRecord | undefined)[];
  histories: HistoryRecord[][];
}

async function financialState(run: PlantedRun): Promise<FinancialState> {
  const refs = Object.values(run.ids).map((instanceId) => ({ tenantId, instanceId }));
  return {
    instances: await Promise.all(refs.map((ref) => run.desk.storage.getInstance(ref))),
    histories: await Promise.all(refs.map((ref) => run.desk.storage.readHistory(ref))),
  };
}

export function describePiiAtRest(name: string, open: () => Promise<PiiDatabase>): void {
  describe(`personal data at rest: ${name}`, () => {
    const closing: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const close of closing.reverse()) await close();
    });

    it('the scanner finds a planted value in any digit set (so finding none means something)', () => {
      expect(plantedIn(`{"id":"${toPersianDigits(PLANTED.nationalId)}"}`)).toEqual(['nationalId']);
      expect(plantedIn(`+98${PLANTED.mobile.slice(1)}`)).toEqual(['mobile']);
      expect(plantedIn(`to ${PLANTED.email.toUpperCase()}`)).toEqual(['email']);
      expect(plantedIn('nothing personal here: 0012345679, 09121234567')).toEqual([]);
    });

    it('after full workflows no log line, history payload or column holds any planted value; erasure anonymises the profile and the shop order and keeps the orders intact', async ({ annotate }) => {
      const db = await open();
      closing.push(db.close);
      const run = await runPlantedScenario(db.storage);
      closing.push(run.close);
      const { ids } = run;

      // The workflows really ran with the planted person, and messages really reached them.
      expect((await run.desk.storage.getInstance({ tenantId, instanceId: ids.order }))?.state).toBe('closed');
      expect((await run.desk.storage.getInstance({ tenantId, instanceId: ids.shopOrder }))?.state).toBe('completed');
      expect(run.deliveredTo).toContain(PLANTED.mobile);
      expect(run.deliveredTo).toContain(PLANTED.email);
      expect(run.printed.length).toBeGreaterThan(0);
      expect(run.logs.some((line) => line.includes('effect gave up'))).toBe(true);

      // Logs: nothing planted, in any line.
      expect(run.logs.flatMap((line) => plantedIn(line).map((field) => `${field}: ${line}`))).toEqual([]);
      // What the console transport prints: addresses masked, and the name too (its first letter
      // stands in the greeting), as in every other log.
      expect(run.printed.some((line) => line.includes(`Dear ${[...PLANTED.fullName][0]}***`))).toBe(true);
      expect(run.printed.flatMap((line) => plantedIn(line).map((field) => `${field}: ${line}`))).toEqual([]);

      // The database: no planted value anywhere, the shop order's particulars included.
      const before = await scanDatabase(db.reader);
      expect(before.historyPayloads).toBeGreaterThan(20);
      expect(before.findings).toEqual([]);
      // ...though they are there, sealed, for the clerk who posts the parcel.
      const clerk = { id: 'clerk-1', roles: ['shop-clerk'] };
      const shopRef = { tenantId, instanceId: ids.shopOrder };
      expect(await readShopOrderParticulars(run.desk.desk, run.sealer, shopRef, clerk)).toMatchObject({
        status: 'sealed',
        particulars: { customer: { fullName: PLANTED.fullName, mobile: PLANTED.mobile, email: PLANTED.email }, shipping: { address: PLANTED.postalAddress, postalCode: PLANTED.postalCode } },
      });

      // Erasure: the profile and the shop order's particulars go; the orders lose nothing else.
      const financial = await financialState(run);
      const erased = await run.registry.erase({ tenantId, actor: privacyOfficer, profileId: 'planted-person' });
      const forgotten = await forgetShopCustomer({ storage: run.desk.storage, clock: run.desk.clock }, { tenantId, customerId: 'planted-person', actor: privacyOfficer });
      expect(forgotten).toEqual({ erased: [ids.shopOrder], unchanged: 0 });
      expect(await readShopOrderParticulars(run.desk.desk, run.sealer, shopRef, clerk)).toMatchObject({ status: 'erased' });
      expect(erased.erasedAt).toBeInstanceOf(Date);
      expect(plantedIn(JSON.stringify(await run.profiles.get(tenantId, 'planted-person')))).toEqual([]);
      expect(await run.profiles.findByNationalId(tenantId, PLANTED.nationalId)).toBeUndefined();
      expect(await run.profiles.officialContact(tenantId, 'planted-person')).toBeUndefined();
      const after = await financialState(run);
      // Every record as it was, but the shop order: its snapshot lost the particulars, its chain grew one row.
      const shopIndex = Object.keys(ids).indexOf('shopOrder');
      const others = (state: FinancialState) => ({ instances: state.instances.filter((_, i) => i !== shopIndex), histories: state.histories.filter((_, i) => i !== shopIndex) });
      expect(others(after)).toEqual(others(financial));
      const shopHistory = after.histories[shopIndex]!;
      expect(shopHistory.slice(0, -1)).toEqual(financial.histories[shopIndex]);
      expect(shopHistory.at(-1)).toMatchObject({ eventType: ERASE_PERSONAL_DATA_EVENT, actorId: privacyOfficer.id });
      expect(after.instances[shopIndex]).toMatchObject({ state: financial.instances[shopIndex]!.state, version: financial.instances[shopIndex]!.version + 1 });
      const contextOf = (record: InstanceRecord | undefined) => {
        const { particulars: _sealed, particularsErasedAt: _at, ...rest } = (decodeJson(record!.snapshot) as { context: Record<string, unknown> }).context;
        return rest;
      };
      expect(contextOf(after.instances[shopIndex])).toEqual(contextOf(financial.instances[shopIndex]));
      for (const [i, history] of after.histories.entries()) {
        expect(verifyHistoryChain(history, after.instances[i]), `history chain of ${Object.values(ids)[i]}`).toEqual({ ok: true, length: history.length });
      }
      // The money reads as before, through the desk, for finance: the quote and the card payment.
      const finance = { id: 'finance-1', roles: ['finance-officer'] };
      const order = (await run.desk.desk.get({ tenantId, instanceId: ids.order }, finance)).data as { quote: { total: bigint } };
      expect(order.quote.total).toBe(run.amounts.quoteTotal);
      const shop = (await run.desk.desk.get({ tenantId, instanceId: ids.shopOrder }, finance)).data as { order: { pricing: { totalRial: bigint }; payment: { amountRial: bigint } } };
      expect(shop.order.pricing.totalRial).toBe(run.amounts.shopTotal);
      expect(shop.order.payment.amountRial).toBe(run.amounts.shopTotal);

      const afterErasure = await scanDatabase(db.reader);
      expect(afterErasure.findings).toEqual([]);
      expect(run.logs.flatMap((line) => plantedIn(line))).toEqual([]);

      // The figures for docs/reliability.md, as a test annotation (reporters show it; the console is being recorded).
      await annotate(
        `[pii-at-rest ${name}] scanned ${before.tables} tables, ${before.columns} columns, ${before.rows} rows, ${before.cells} cells, ${before.historyPayloads} history payloads, ${run.logs.length} log lines, ${run.printed.length} printed message lines; findings: ${before.findings.length} (national ID, name, mobile, e-mail, address and postal code)`
      );
    }, 120_000);
  });
}
