import type { OutcomesEvent } from '@alongside/outcomes/contracts';
import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { Projection } from '@alongside/platform/projections';
import type { EntityManager } from 'typeorm';
import { AttendanceRow } from './attendance-row.entity';
import { CohortCellRow } from './cohort-cell-row.entity';
import { CohortDischargeRow } from './cohort-discharge-row.entity';
import { EpisodeRow } from './episode-row.entity';
import { InstrumentChangeRow } from './instrument-change-row.entity';
import { MentorMatchRow } from './mentor-match-row.entity';
import { OutcomeFactRow } from './outcome-fact-row.entity';
import { ParticipantSobrietyRow } from './participant-sobriety-row.entity';
import { ReintegrationRow } from './reintegration-row.entity';
import { SafetyAlertRow } from './safety-alert-row.entity';
import { SessionAttendanceRow } from './session-attendance-row.entity';
import { SiteViewRow } from './site-view-row.entity';
import { foldOutcomeEvent, FOLDED_TYPES } from './fold-outcome-event';
import { OutcomeViewsBatch } from './outcome-views-batch';

export const OUTCOME_VIEWS = 'outcome-views';

export const OUTCOME_VIEW_ENTITIES = [
  EpisodeRow,
  AttendanceRow,
  SessionAttendanceRow,
  MentorMatchRow,
  InstrumentChangeRow,
  SafetyAlertRow,
  ReintegrationRow,
  SiteViewRow,
  ParticipantSobrietyRow,
  OutcomeFactRow,
  CohortCellRow,
  CohortDischargeRow,
] as const;

/**
 * The dashboards' and analysts' read models (DESIGN §6), kept in the transaction that moves the
 * checkpoint. A batch is applied set-wise: the rows it can touch are loaded (one statement per
 * table), the events folded into them in order in memory (`foldOutcomeEvent`: the same effect each
 * event's own statements had), and the changed rows written back (one upsert per table). The
 * checkpoint's row lock keeps any other runner out meanwhile, so the rows held stay the truth.
 * Each site's row also records the last position applied for it, which the page polls to know
 * when to redraw.
 */
export const outcomeViewsProjection: Projection = {
  name: OUTCOME_VIEWS,
  // 2: attendance rows keep the revision they were last corrected to (sessions' AttendanceCorrected).
  // 3: covering indexes for the engagement and wellbeing dashboards' per-site scans.
  // 4: attendance counted per session as it is written, for the engagement dashboard.
  // 5: episodes counted per cohort cell as they change, for the analyst tables.
  // 6: the cells split in two: the measures' (no discharge reason in the key: 9,600 cells at 11M
  //    events instead of 41,419) and the discharges' by reason.
  version: 6,
  entities: [...OUTCOME_VIEW_ENTITIES],
  handles: FOLDED_TYPES,
  apply: async (events: readonly RecordedEvent[], tx: EntityManager) => {
    const rows = new OutcomeViewsBatch(tx);
    await rows.load(events);
    const touched = new Map<string, bigint>();
    for (const event of events) {
      const siteId = event.metadata.siteId;
      if (foldOutcomeEvent(event as unknown as OutcomesEvent, siteId, rows)) touched.set(siteId, event.globalPosition);
    }
    for (const [siteId, position] of touched) {
      const site = rows.sites.get({ siteId });
      if (site && BigInt(site.position) >= position) continue;
      rows.sites.put({ siteId, milestoneDays: null, lapseRestartsSobriety: null, timeZone: null, ...site, position: position.toString() });
    }
    await rows.flush();
  },
};
