import {
  ANALYST_MEASURES,
  DISCHARGE_REASONS,
  type AnalystCrossTable,
  type AnalystMeasure,
  type AnalystMeasuresTable,
  type CohortDimension,
  type DashboardFilters,
  type PublishedValue,
} from '@alongside/outcomes/contracts';
import { derivedFrom, ratePer, suppressSmallCells, type Published } from '@alongside/outcomes/domain';
import type { OutcomeReader } from '../dashboards/outcome-tables';
import { cohortColumn } from './cohort-column';
import { dischargeSource, measureSource } from './cohort-source';

export const SUPPRESSION_NOTE =
  'Counts from 1 to 10 are suppressed, with complementary suppression so that no suppressed value can be worked out from the totals; ' +
  'rates over a suppressed count are suppressed. Suppressed values are shown as suppressed, never as a number.';

export type CohortRow = { cohort: string } & Record<string, string>;

/** A margin the table was asked to publish: present by construction, checked rather than assumed. */
const margin = <T>(value: T | null | undefined): T => {
  if (value == null) throw new Error('A suppressed table lacks a margin it was built with');
  return value;
};

/** Every count and sum of the measures table by cohort, before suppression. */
export const measureRows = async (tables: OutcomeReader, siteIds: readonly string[], by: CohortDimension, filters: DashboardFilters, asOf: string): Promise<CohortRow[]> => {
  const { outcome_cohort_cell: cells, outcome_episode: episodes } = await tables.tables('outcome_cohort_cell', 'outcome_episode');
  const source = measureSource({ cells, episodes }, siteIds, filters, asOf);
  return tables.query<CohortRow>(
    `select ${cohortColumn[by]} cohort, sum(e.episodes) admitted, sum(e.active) active, sum(e.episodes) - sum(e.active) discharged,
            sum(e.completed) completed, sum(e.eligible90) eligible90, sum(e.retained90) retained90,
            sum(e.relapses) relapses, sum(e.lapses) lapses, sum(e.days) days,
            sum(e.screens) screens, sum(e.positive_screens) positive_screens
     from ${source.sql} e group by 1 order by 1`,
    source.params,
  );
};

/** Discharges by cohort and reason, before suppression. */
export const dischargeRows = async (tables: OutcomeReader, siteIds: readonly string[], by: CohortDimension, filters: DashboardFilters) => {
  const { outcome_cohort_discharge: discharges, outcome_episode: episodes } = await tables.tables('outcome_cohort_discharge', 'outcome_episode');
  const source = dischargeSource({ discharges, episodes }, siteIds, filters);
  return tables.query<{ cohort: string; reason: string; n: string }>(
    `select ${cohortColumn[by]} cohort, e.discharge_reason reason, sum(e.episodes) n from ${source.sql} e group by 1, 2 order by 1, 2`,
    source.params,
  );
};

const COUNTS = ['completed', 'eligible90', 'retained90', 'relapses', 'lapses', 'screens', 'positiveScreens'] as const;

/**
 * Every measure by cohort, across the analyst's sites, small-cell suppressed. Admitted = active +
 * discharged is one linked table (its row totals are the admissions), so no hidden active or
 * discharged count can be had by subtraction; each other count is protected within its column.
 */
export const measuresTable = async (
  tables: OutcomeReader,
  siteIds: readonly string[],
  by: CohortDimension,
  filters: DashboardFilters,
  asOf: string,
): Promise<AnalystMeasuresTable> => {
  const rows = await measureRows(tables, siteIds, by, filters, asOf);
  const cohorts = rows.map((r) => String(r.cohort));
  const number = (r: CohortRow, key: string) => Number(r[key]);
  const sqlKey: Record<(typeof COUNTS)[number], string> = {
    completed: 'completed',
    eligible90: 'eligible90',
    retained90: 'retained90',
    relapses: 'relapses',
    lapses: 'lapses',
    screens: 'screens',
    positiveScreens: 'positive_screens',
  };

  const flow = suppressSmallCells({
    rows: cohorts,
    columns: ['active', 'discharged'],
    cells: rows.map((r) => [number(r, 'active'), number(r, 'discharged')]),
    rowTotals: true,
    columnTotals: true,
  });
  const column = (values: number[], alsoHide?: boolean[]) =>
    suppressSmallCells({
      rows: cohorts,
      columns: ['value'],
      cells: values.map((v) => [v]),
      rowTotals: false,
      columnTotals: true,
      ...(alsoHide ? { alsoHide: alsoHide.map((h) => [h]) } : {}),
    });
  const counts = Object.fromEntries(COUNTS.map((m) => [m, column(rows.map((r) => number(r, sqlKey[m])))]));
  // Participant-days describe the people of a row: hidden wherever their head count is.
  const days = column(rows.map((r) => number(r, 'days')), margin(flow.rowTotals).map((p) => p.suppressed));

  const valuesOf = (i: number | 'total'): Record<AnalystMeasure, PublishedValue> => {
    const pick = (table: ReturnType<typeof column>): Published => (i === 'total' ? margin(table.columnTotals)[0] : table.cells[i][0]);
    const admitted = i === 'total' ? margin(flow.grandTotal) : margin(flow.rowTotals)[i];
    const active = i === 'total' ? margin(flow.columnTotals)[0] : flow.cells[i][0];
    const discharged = i === 'total' ? margin(flow.columnTotals)[1] : flow.cells[i][1];
    const c = Object.fromEntries(COUNTS.map((m) => [m, pick(counts[m])])) as Record<(typeof COUNTS)[number], Published>;
    const participantDays = pick(days);
    return {
      admitted,
      active,
      discharged,
      ...c,
      participantDays,
      relapsesPer1000Days: derivedFrom([c.relapses, participantDays], (events, personTime) => ratePer({ events, personTime })),
      positiveScreenRate: derivedFrom([c.positiveScreens, c.screens], (positive, total) => (total > 0 ? positive / total : null)),
    };
  };
  return {
    by,
    measures: ANALYST_MEASURES,
    rows: cohorts.map((cohort, i) => ({ cohort, values: valuesOf(i) })),
    total: valuesOf('total'),
    suppression: SUPPRESSION_NOTE,
  };
};

/** Discharges by cohort and TEDS reason, with margins, small-cell suppressed as one table. */
export const dischargeReasonsTable = async (
  tables: OutcomeReader,
  siteIds: readonly string[],
  by: CohortDimension,
  filters: DashboardFilters,
): Promise<AnalystCrossTable> => {
  const rows = await dischargeRows(tables, siteIds, by, filters);
  const cohorts = [...new Set(rows.map((r) => String(r.cohort)))];
  const reasons = [...DISCHARGE_REASONS];
  const cells = cohorts.map((cohort) => reasons.map((reason) => Number(rows.find((r) => r.cohort === cohort && r.reason === reason)?.n ?? 0)));
  const table = suppressSmallCells({ rows: cohorts, columns: reasons, cells, rowTotals: true, columnTotals: true });
  return {
    rowsBy: by,
    columnsBy: 'dischargeReason',
    rows: table.rows,
    columns: table.columns,
    cells: table.cells,
    rowTotals: margin(table.rowTotals),
    columnTotals: margin(table.columnTotals),
    grandTotal: margin(table.grandTotal),
    suppression: SUPPRESSION_NOTE,
  };
};

const csvCell = (value: PublishedValue | string): string => {
  if (typeof value === 'string') return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  if (value.suppressed) return 'suppressed';
  return value.value === null ? '' : String(Number.isInteger(value.value) ? value.value : Number(value.value.toFixed(4)));
};

export const measuresCsv = (table: AnalystMeasuresTable): string =>
  [
    [table.by, ...table.measures].join(','),
    ...table.rows.map((r) => [csvCell(r.cohort), ...table.measures.map((m) => csvCell(r.values[m]))].join(',')),
    ['all', ...table.measures.map((m) => csvCell(table.total[m]))].join(','),
  ].join('\n') + '\n';

export const crossTableCsv = (table: AnalystCrossTable): string =>
  [
    [table.rowsBy, ...table.columns, 'total'].join(','),
    ...table.rows.map((row, i) => [csvCell(row), ...table.cells[i].map(csvCell), csvCell(table.rowTotals[i])].join(',')),
    ['total', ...table.columnTotals.map(csvCell), csvCell(table.grandTotal)].join(','),
  ].join('\n') + '\n';
