/**
 * A report table as a file: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
 * Persian text as UTF-8) through csv-stringify, and XLSX through write-excel-file, right-to-left
 * for Persian.
 */
import type { ReportCell, ReportTable } from '@statdesk/core';
import { stringify } from 'csv-stringify/sync';
import writeExcelFile from 'write-excel-file/node';

/** The byte-order mark that tells spreadsheet programs a CSV file is UTF-8. */
const BOM = '\ufeff';

/** A cell as text: Rial (bigint) as its digits, empty cells empty. */
const csvCell = (cell: ReportCell) => (cell === null ? '' : typeof cell === 'bigint' ? cell.toString() : cell);

/** The table as CSV bytes: BOM, header row, rows (CRLF line ends, quoted where needed). */
export function reportCsv(table: ReportTable): Uint8Array<ArrayBuffer> {
  const text = stringify([table.columns, ...table.rows.map((row) => row.map(csvCell))], { record_delimiter: 'windows' });
  return new TextEncoder().encode(BOM + text);
}

/** The table as an XLSX workbook of one sheet; Rial beyond 2^53 is written as text so no digit is lost. */
export async function reportXlsx(table: ReportTable, language: 'fa' | 'en'): Promise<Uint8Array<ArrayBuffer>> {
  const cell = (value: ReportCell) => {
    if (value === null) return null;
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    return value;
  };
  const header = table.columns.map((value) => ({ value, fontWeight: 'bold' as const }));
  const data = [header, ...table.rows.map((row) => row.map(cell))];
  // Sheet names are at most 31 characters and may not hold []:*?/\
  const sheet = table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  const buffer = await writeExcelFile(data, { sheet, rightToLeft: language === 'fa' }).toBuffer();
  return new Uint8Array(buffer);
}
