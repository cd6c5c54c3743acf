import { Injectable } from '@nestjs/common';
import { ActiveProjections } from '@alongside/platform/projections';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from '@alongside/platform/security';
import { ENROLMENT_VIEWS } from '@alongside/enrolment/read-models';
import { DataSource } from 'typeorm';

/**
 * Which participant an incoming transfer is about, from the site's incoming queue: the answer to a
 * transfer is given by its id, the decision is made on the participant's stream.
 */
@Injectable()
export class IncomingTransfers {
  private readonly active: ActiveProjections;

  constructor(private readonly dataSource: DataSource) {
    this.active = new ActiveProjections(dataSource);
  }

  async participantOf(siteId: SiteId, transferId: string): Promise<string> {
    const table = await this.active.table(ENROLMENT_VIEWS, 'enrolment_transfer');
    if (table === null) throw new NotFoundHere();
    const [row] = await this.dataSource.query<{ participant_id: string }[]>(
      `SELECT participant_id FROM ${table} WHERE site_id = $1 AND transfer_id = $2 AND direction = 'incoming'`,
      [siteId, transferId],
    );
    if (!row) throw new NotFoundHere();
    return row.participant_id;
  }
}
