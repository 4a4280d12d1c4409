export {
  solarMonthPeriod,
  solarMonthOf,
  solarMonthRange,
  MAX_REPORT_MONTHS,
  type SolarMonthPeriod,
  type SolarMonthString,
} from './solar-month';
export { DEFAULT_REVENUE_LINES, DEFAULT_SATISFACTION_SOURCE } from './report-sources';
export {
  createOfficeReports,
  REPORT_KINDS,
  type ReportKind,
  type MonthlySlaCompliance,
  type MonthlyVolume,
  type MonthlyRevenue,
  type MonthlySatisfaction,
  type OfficeReportOptions,
  type OfficeReports,
} from './office-reports';
export { reportTable, slaTargetTitles, REPORT_TEXT, type ReportLabel, type ReportLabels, type ReportCell, type ReportTable, type ReportData } from './report-table';
