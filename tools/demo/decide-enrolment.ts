// Mode (b) for enrolment: sites, registrations, admissions, peer-support consents and discharges,
// decided by enrolment's own deciders.
import { CURRENT_REFERENCE_DATA_VERSION, enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import {
  participantDecider,
  participantStream,
  siteDecider,
  siteStream,
  type ParticipantCommand,
} from '@alongside/enrolment/domain';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { PlanCalendar } from './calendar';
import type { NetworkPlan } from './plan';
import { DEMO_FOLLOW_UP, DEMO_MILESTONE_POLICY, DEMO_PAYER_RULES_REF, DEMO_PROGRAMMES } from './site-configuration';
import { handleCommand, StreamBuffer, type CommandContext } from './store-buffer';

const ACTOR = { sub: 'demo-generator', role: 'clinician' } as const;

/** Decides the plan's enrolment facts with enrolment's deciders; returns the streams to append. */
export const decideEnrolment = async (plan: NetworkPlan): Promise<StreamBuffer> => {
  const buffer = new StreamBuffer();
  const calendar = new PlanCalendar(plan.startsOn);
  const seed = plan.options.seed;
  const options = { schemaVersions: enrolmentUpcasterRegistry };
  const referenceDataVersion = CURRENT_REFERENCE_DATA_VERSION;
  for (const site of plan.sites) {
    const siteId = toSiteId(site.siteId);
    const zone = site.timeZone;
    const moment = (day: number, time: string) => {
      const at = calendar.instantOf(day, time, zone);
      return { at, today: calendar.dayOf(day) };
    };
    const context = (commandId: string, occurredAt: string): CommandContext => ({
      commandId: `demo-${seed}-${commandId}`,
      correlationId: `demo-${seed}-${commandId}`,
      siteId,
      actor: ACTOR,
      occurredAt,
    });
    const configuredAt = moment(-30, '08:00');
    await handleCommand(
      buffer,
      siteStream(siteId),
      siteDecider,
      {
        type: 'ConfigureSite',
        data: {
          siteId: site.siteId,
          name: site.name,
          timeZone: zone,
          programmes: [...DEMO_PROGRAMMES],
          milestonePolicy: { milestoneDays: [...DEMO_MILESTONE_POLICY.milestoneDays], lapseRestartsCount: DEMO_MILESTONE_POLICY.lapseRestartsCount },
          followUpSchedule: { daysAfterDischarge: [...DEMO_FOLLOW_UP.daysAfterDischarge] },
          payerRulesRef: DEMO_PAYER_RULES_REF,
          now: configuredAt,
          referenceDataVersion,
        },
      },
      context(`${site.siteId}-configuration`, configuredAt.at),
      options,
    );
    const terms = { programmes: DEMO_PROGRAMMES };
    for (const p of site.participants) {
      const stream = participantStream(siteId, p.participantId);
      const decide = async (what: string, command: ParticipantCommand, occurredAt: string) =>
        handleCommand(buffer, stream, participantDecider, command, context(`${p.participantId}-${what}`, occurredAt), options);
      const admitted = moment(p.admittedDay, '08:30');
      await decide('register', { type: 'RegisterParticipant', data: { participantId: p.participantId, siteId: site.siteId, detailsId: p.participantId, fields: ['givenName', 'familyName', 'dateOfBirth'], now: admitted, referenceDataVersion } }, admitted.at);
      const episodeId = p.participantId;
      const enrolledAt = moment(p.admittedDay, '09:00');
      await decide('enrol', { type: 'Enrol', data: { episodeId, programme: p.programme, levelOfCare: p.levelOfCare, referralSource: p.referralSource, admittedOn: enrolledAt.today, site: terms, now: enrolledAt, referenceDataVersion } }, enrolledAt.at);
      if (p.consentDay !== null) {
        const signed = moment(p.consentDay, '11:00');
        await decide(
          'consent',
          {
            type: 'GrantConsent',
            data: {
              consentId: p.participantId,
              recipient: { kind: 'peer-support', siteId: site.siteId },
              purpose: 'peer-support',
              informationCategories: ['enrolment-and-attendance'],
              expiry: { kind: 'date', on: calendar.dayOf(plan.days + 365) },
              signedOn: signed.today,
              now: signed,
              referenceDataVersion,
            },
          },
          signed.at,
        );
      }
      if (p.discharge) {
        const discharged = moment(p.discharge.day, '16:00');
        await decide('discharge', { type: 'Discharge', data: { episodeId, reason: p.discharge.reason, dischargedOn: discharged.today, now: discharged, referenceDataVersion } }, discharged.at);
      }
    }
  }
  return buffer;
};
