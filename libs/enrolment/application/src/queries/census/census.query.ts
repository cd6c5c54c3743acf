import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { EnrolmentTables } from '../enrolment-tables';
import type { CensusView } from './census.dto';

export class GetCensus extends Query<CensusView> {
  constructor(
    readonly siteId: SiteId,
    readonly programme: string | undefined,
    readonly levelOfCare: string | undefined,
  ) {
    super();
  }
}

type Row = { programme: string; level_of_care: string; active: string };

/** Who is in treatment at the site now, by programme and ASAM level of care. */
@QueryHandler(GetCensus)
export class GetCensusHandler implements IQueryHandler<GetCensus> {
  constructor(private readonly tables: EnrolmentTables) {}

  async execute({ siteId, programme, levelOfCare }: GetCensus): Promise<CensusView> {
    const rows = await this.tables.query<Row>(
      'episode',
      (t) => `
        SELECT programme, level_of_care, count(*) AS active FROM ${t}
        WHERE site_id = $1 AND status = 'active' AND ($2::text IS NULL OR programme = $2) AND ($3::text IS NULL OR level_of_care = $3)
        GROUP BY programme, level_of_care
        ORDER BY programme, level_of_care`,
      [siteId, programme ?? null, levelOfCare ?? null],
    );
    const cells = rows.map((r) => ({ programme: r.programme, levelOfCare: r.level_of_care, active: Number(r.active) }));
    const sum = (key: 'programme' | 'levelOfCare') =>
      cells.reduce<Record<string, number>>((totals, cell) => ({ ...totals, [cell[key]]: (totals[cell[key]] ?? 0) + cell.active }), {});
    return { siteId, active: cells.reduce((n, c) => n + c.active, 0), byProgramme: sum('programme'), byLevelOfCare: sum('levelOfCare'), cells };
  }
}
