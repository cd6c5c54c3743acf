import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { Projection } from '@alongside/platform/projections';
import type { MentoringEvent, MentoringEventOf, MentoringEventType } from '@alongside/mentoring/contracts';
import type { EntityManager } from 'typeorm';
import { ContactRow } from './contact-row.entity';
import { EscalationRow } from './escalation-row.entity';
import { MatchRow, type CheckInCell } from './match-row.entity';
import { MentorRow, type CertificationCell } from './mentor-row.entity';
import { ReferralRow } from './referral-row.entity';
import { ResourceRow } from './resource-row.entity';

export const MENTORING_VIEWS = 'mentoring-views';

type Apply<T extends MentoringEventType> = (event: MentoringEventOf<T>, siteId: string, tx: EntityManager) => Promise<void>;
type Appliers = { [T in MentoringEventType]?: Apply<T> };

const latestCurrentExpiry = (certifications: CertificationCell[]): Date | null => {
  const current = certifications.filter((c) => c.status === 'current').map((c) => Date.parse(c.expiresAt));
  return current.length === 0 ? null : new Date(Math.max(...current));
};

const updateMentor = async (tx: EntityManager, siteId: string, mentorId: string, change: (row: MentorRow) => void) => {
  const repository = tx.getRepository(MentorRow);
  const row = await repository.findOneBy({ siteId, mentorId });
  if (!row) return;
  change(row);
  row.certifiedUntil = latestCurrentExpiry(row.certifications);
  await repository.save(row);
};

const updateCheckIn = async (tx: EntityManager, siteId: string, matchId: string, day: number, status: CheckInCell['status'], heldAt: string | null) => {
  const repository = tx.getRepository(MatchRow);
  const row = await repository.findOneBy({ siteId, matchId });
  if (!row) return;
  row.checkIns = row.checkIns.map((c) => (c.day === day ? { ...c, status, heldAt: heldAt ?? c.heldAt } : c));
  await repository.save(row);
};

// Each applier is an upsert or a guarded update, so a batch applied twice leaves the same rows.
const appliers: Appliers = {
  MentorOnboarded: async ({ data }, siteId, tx) => {
    await tx.getRepository(MentorRow).upsert(
      {
        siteId,
        mentorId: data.mentorId,
        displayName: data.displayName,
        languages: data.languages,
        specialities: data.specialities,
        livedExperience: data.livedExperience,
        maxCaseload: data.maxCaseload,
        onboardedAt: new Date(data.onboardedAt),
      },
      ['siteId', 'mentorId'],
    );
  },
  TrainingCompleted: ({ data }, siteId, tx) =>
    updateMentor(tx, siteId, data.mentorId, (row) => {
      if (row.trainings.includes(data.trainingId)) return;
      row.trainings = [...row.trainings, data.trainingId];
      row.trainingHours = String(Number(row.trainingHours) + data.hours);
    }),
  CertificationGranted: ({ data }, siteId, tx) =>
    updateMentor(tx, siteId, data.mentorId, (row) => {
      const others = row.certifications.filter((c) => c.certificationId !== data.certificationId);
      row.certifications = [
        ...others,
        { certificationId: data.certificationId, credential: data.credential, issuer: data.issuer, expiresAt: data.expiresAt, status: 'current' },
      ];
    }),
  CertificationRenewed: ({ data }, siteId, tx) =>
    updateMentor(tx, siteId, data.mentorId, (row) => {
      row.certifications = row.certifications.map((c) =>
        c.certificationId === data.certificationId ? { ...c, expiresAt: data.expiresAt, status: 'current' } : c,
      );
    }),
  CertificationExpired: ({ data }, siteId, tx) =>
    updateMentor(tx, siteId, data.mentorId, (row) => {
      row.certifications = row.certifications.map((c) => (c.certificationId === data.certificationId ? { ...c, status: 'expired' } : c));
    }),
  SupervisionHeld: ({ data }, siteId, tx) =>
    updateMentor(tx, siteId, data.mentorId, (row) => {
      if (row.supervisions.includes(data.supervisionId)) return;
      row.supervisions = [...row.supervisions, data.supervisionId];
      const heldAt = new Date(data.heldAt);
      if (!row.lastSupervisionAt || row.lastSupervisionAt < heldAt) row.lastSupervisionAt = heldAt;
    }),
  BoundaryConcernRaised: ({ data }, siteId, tx) =>
    updateMentor(tx, siteId, data.mentorId, (row) => {
      if (row.boundaryConcerns.some((c) => c.concernId === data.concernId)) return;
      row.boundaryConcerns = [...row.boundaryConcerns, { concernId: data.concernId, concern: data.concern, raisedAt: data.raisedAt }];
    }),
  MatchProposed: async ({ data }, siteId, tx) => {
    await tx.getRepository(MatchRow).upsert(
      { siteId, matchId: data.matchId, mentorId: data.mentorId, participantId: data.participantId, status: 'proposed', proposedAt: new Date(data.proposedAt) },
      ['siteId', 'matchId'],
    );
  },
  MatchAccepted: async ({ data }, siteId, tx) => {
    await tx.getRepository(MatchRow).update({ siteId, matchId: data.matchId, status: 'proposed' }, { status: 'active', acceptedAt: new Date(data.acceptedAt) });
  },
  MatchEnded: async ({ data }, siteId, tx) => {
    await tx.getRepository(MatchRow).update({ siteId, matchId: data.matchId }, { status: 'ended', endedAt: new Date(data.endedAt), endReason: data.reason });
  },
  AftercareStarted: async ({ data }, siteId, tx) => {
    await tx.getRepository(MatchRow).update(
      { siteId, matchId: data.matchId },
      {
        status: 'aftercare',
        dischargedAt: new Date(data.dischargedAt),
        missedAfterDays: data.missedAfterDays,
        checkIns: data.checkIns.map((c) => ({ ...c, status: 'scheduled' as const, heldAt: null })),
      },
    );
  },
  AftercareCheckInDue: ({ data }, siteId, tx) => updateCheckIn(tx, siteId, data.matchId, data.day, 'due', null),
  AftercareCheckInHeld: ({ data }, siteId, tx) => updateCheckIn(tx, siteId, data.matchId, data.day, 'held', data.heldAt),
  AftercareCheckInMissed: ({ data }, siteId, tx) => updateCheckIn(tx, siteId, data.matchId, data.day, 'missed', null),
  ContactLogged: async ({ data }, siteId, tx) => {
    await tx.getRepository(ContactRow).upsert(
      {
        siteId,
        contactId: data.contactId,
        matchId: data.matchId,
        mentorId: data.mentorId,
        participantId: data.participantId,
        kind: data.kind,
        minutes: data.minutes,
        contactAt: new Date(data.contactAt),
        billingCode: data.billing?.code ?? null,
        billableUnits: data.billing?.units ?? 0,
        hasNote: data.hasNote,
      },
      ['siteId', 'contactId'],
    );
    await tx.query(
      `update ${tx.getRepository(MatchRow).metadata.tablePath} set last_contact_at = greatest(last_contact_at, $3) where site_id = $1 and match_id = $2`,
      [siteId, data.matchId, new Date(data.contactAt)],
    );
  },
  ReferralMade: async ({ data }, siteId, tx) => {
    await tx.getRepository(ReferralRow).upsert(
      {
        siteId,
        referralId: data.referralId,
        matchId: data.matchId,
        mentorId: data.mentorId,
        participantId: data.participantId,
        category: data.category,
        resourceId: data.resourceId,
        madeAt: new Date(data.madeAt),
        followUpDueAt: new Date(data.followUpDueAt),
      },
      ['siteId', 'referralId'],
    );
  },
  ReferralFollowedUp: async ({ data }, siteId, tx) => {
    await tx.getRepository(ReferralRow).update(
      { siteId, referralId: data.referralId },
      { lastFollowedUpAt: new Date(data.followedUpAt), followUpDueAt: data.nextFollowUpDueAt ? new Date(data.nextFollowUpDueAt) : null },
    );
  },
  ReferralOutcomeRecorded: async ({ data }, siteId, tx) => {
    await tx.getRepository(ReferralRow).update(
      { siteId, referralId: data.referralId },
      { outcome: data.outcome, outcomeAt: new Date(data.recordedAt), followUpDueAt: null },
    );
  },
  EscalatedToClinician: async ({ data }, siteId, tx) => {
    await tx.getRepository(EscalationRow).upsert(
      {
        siteId,
        escalationId: data.escalationId,
        matchId: data.matchId,
        mentorId: data.mentorId,
        participantId: data.participantId,
        risk: data.risk,
        urgency: data.urgency,
        raisedAt: new Date(data.raisedAt),
        acknowledgeBy: new Date(data.acknowledgeBy),
      },
      ['siteId', 'escalationId'],
    );
  },
  EscalationAcknowledged: async ({ data }, siteId, tx) => {
    await tx.getRepository(EscalationRow).update(
      { siteId, escalationId: data.escalationId },
      { acknowledgedAt: new Date(data.acknowledgedAt), acknowledgedBy: data.clinicianId },
    );
  },
  EscalationResolved: async ({ data }, siteId, tx) => {
    await tx.getRepository(EscalationRow).update(
      { siteId, escalationId: data.escalationId },
      { resolvedAt: new Date(data.resolvedAt), resolution: data.resolution },
    );
  },
  CommunityResourceListed: async ({ data }, siteId, tx) => {
    await tx.getRepository(ResourceRow).upsert(
      {
        siteId,
        resourceId: data.resourceId,
        category: data.category,
        name: data.name,
        fellowship: data.fellowship,
        description: data.description,
        contact: data.contact,
        listedAt: new Date(data.listedAt),
      },
      ['siteId', 'resourceId'],
    );
  },
  CommunityResourceWithdrawn: async ({ data }, siteId, tx) => {
    await tx.getRepository(ResourceRow).update({ siteId, resourceId: data.resourceId }, { withdrawn: true });
  },
};

export const MENTORING_VIEW_ENTITIES = [MentorRow, MatchRow, ContactRow, ReferralRow, EscalationRow, ResourceRow] as const;

/** Workforce, caseloads, contacts, referrals, escalations and the resource directory, from the mentoring log. */
export const mentoringViewsProjection: Projection = {
  name: MENTORING_VIEWS,
  version: 1,
  entities: MENTORING_VIEW_ENTITIES,
  handles: Object.keys(appliers),
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const apply = appliers[event.type as MentoringEventType] as Apply<MentoringEventType> | undefined;
      await apply?.(event as unknown as MentoringEvent as never, event.metadata.siteId, tx);
    }
  },
};
