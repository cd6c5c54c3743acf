import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Injectable, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ArrayNotEmpty, IsArray, IsIn, IsInt, IsISO8601, IsString, Length, Max, Min } from 'class-validator';
import { RuleViolated, streamName, type Actor, type Event, type NewEvent, type RecordedEvent, type SiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import {
  AboutParticipant,
  AuditTrail,
  CurrentActor,
  DisclosuresController,
  PARTICIPANT_DIRECTORY,
  PersonLevelRead,
  PiiVault,
  Roles,
  assertSameSite,
  mayDisclose,
  type ParticipantDirectory,
  type Part2Consent,
} from '../index';

/**
 * A small service in the shape the real ones take, to exercise the security lib end to end:
 * participants with encrypted PII, check-ins, consents, transfers (disclosures) and erasure.
 */
export const EXAMPLE_CONTEXT = 'example';
const PII = ['name', 'dateOfBirth'] as const;

const participantStream = (siteId: SiteId, id: string) => streamName(EXAMPLE_CONTEXT, 'participant', siteId, id);

class RegisterParticipant {
  @IsString() @Length(1, 200) name!: string;
  @IsISO8601({ strict: true }) dateOfBirth!: string;
  @IsIn(['outpatient', 'residential']) programme!: string;
}

class RecordCheckIn {
  @IsInt() @Min(1) @Max(5) mood!: number;
  @IsInt() @Min(0) @Max(10) craving!: number;
}

class GrantConsent {
  @IsString() @Length(1, 100) recipient!: string;
  @IsString() @Length(1, 100) purpose!: string;
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) information!: string[];
  @IsISO8601({ strict: true }) expiresOn!: string;
  @IsISO8601({ strict: true }) signedAt!: string;
}

class RequestTransfer {
  @IsString() @Length(1, 40) toSite!: string;
  @IsString() @Length(1, 100) purpose!: string;
}

class NoConsentForDisclosure extends RuleViolated {}

@Injectable()
export class EventLogDirectory implements ParticipantDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async siteOf(participantId: string): Promise<SiteId | undefined> {
    const { events } = await this.store.readAll({ limit: 100_000 });
    return events.find((e) => e.type === 'ParticipantRegistered' && (e.data as { participantId: string }).participantId === participantId)?.metadata.siteId;
  }
}

@Controller('sites/:siteId/participants')
class ParticipantsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PiiVault,
    private readonly directory: EventLogDirectory,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @Roles('clinician')
  async register(@Param('siteId') siteId: SiteId, @Body() body: RegisterParticipant, @CurrentActor() actor: Actor) {
    const participantId = randomUUID();
    const data = await this.vault.encryptFields(participantId, siteId, { participantId, ...body }, PII);
    await this.append(siteId, participantId, actor, { type: 'ParticipantRegistered', data }, 'no_stream');
    return { id: participantId };
  }

  @Get(':id')
  @Roles('clinician', 'site-manager', 'peer-mentor', 'participant')
  @PersonLevelRead({ participantParam: 'id', purpose: 'treatment' })
  async read(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) id: string) {
    const [registered] = await this.load(siteId, id);
    return this.vault.decryptFields(id, registered.data as Record<string, unknown>, PII);
  }

  @Post(':id/check-ins')
  @Roles('participant', 'clinician')
  @AboutParticipant('id')
  async checkIn(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordCheckIn, @CurrentActor() actor: Actor) {
    await this.load(siteId, id);
    await this.append(siteId, id, actor, { type: 'CheckInRecorded', data: { ...body } }, 'exists');
    return { recorded: true };
  }

  @Post(':id/consents')
  @Roles('clinician')
  async grant(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: GrantConsent, @CurrentActor() actor: Actor) {
    await this.load(siteId, id);
    const consentId = randomUUID();
    await this.append(siteId, id, actor, { type: 'ConsentGranted', data: { consentId, ...body } }, 'exists');
    return { consentId };
  }

  @Post(':id/consents/:consentId/revocation')
  @Roles('clinician')
  @HttpCode(204)
  async revoke(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) id: string, @Param('consentId') consentId: string, @CurrentActor() actor: Actor) {
    await this.load(siteId, id);
    await this.append(siteId, id, actor, { type: 'ConsentRevoked', data: { consentId, revokedAt: new Date().toISOString() } }, 'exists');
  }

  @Post(':id/transfers')
  @Roles('clinician', 'site-manager')
  async transfer(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RequestTransfer,
    @CurrentActor() actor: Actor,
  ) {
    const events = await this.load(siteId, id);
    const decision = mayDisclose(consentsOf(events), { recipient: body.toSite, purpose: body.purpose, at: new Date() });
    if (!decision.allowed) throw new NoConsentForDisclosure(decision.reason);
    await this.audit.recordDisclosure({
      actor,
      siteId,
      participantId: id,
      kind: 'transfer',
      recipient: body.toSite,
      purpose: body.purpose,
      consentId: decision.consentId,
      information: ['enrolment'],
      correlationId: randomUUID(),
    });
    await this.append(siteId, id, actor, { type: 'TransferRequested', data: { toSite: body.toSite, consentId: decision.consentId } }, 'exists');
    return { consentId: decision.consentId };
  }

  @Post(':id/erasure')
  @Roles('site-manager')
  @HttpCode(204)
  async erase(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.load(siteId, id);
    await this.vault.erase(id);
  }

  /** Another site's participant is looked up by id alone, then refused by its own site. */
  private async load(siteId: SiteId, id: string): Promise<RecordedEvent[]> {
    const site = await this.directory.siteOf(id);
    assertSameSite(site, siteId);
    return (await this.store.readStream(participantStream(siteId, id))).events;
  }

  private async append(siteId: SiteId, id: string, actor: Actor, event: Event, expectedVersion: 'no_stream' | 'exists') {
    const correlationId = randomUUID();
    const recorded: NewEvent = {
      ...event,
      id: randomUUID(),
      metadata: { siteId, schemaVersion: 1, correlationId, causationId: correlationId, actor, occurredAt: new Date().toISOString() },
    };
    await this.store.appendToStream(participantStream(siteId, id), [recorded], { expectedVersion });
  }
}

const consentsOf = (events: readonly RecordedEvent[]): Part2Consent[] => {
  const consents = new Map<string, Part2Consent>();
  for (const event of events) {
    if (event.type === 'ConsentGranted') {
      const data = event.data as GrantConsent & { consentId: string };
      consents.set(data.consentId, { ...data, expiry: { kind: 'date', on: data.expiresOn } });
    }
    if (event.type === 'ConsentRevoked') {
      const { consentId, revokedAt } = event.data as { consentId: string; revokedAt: string };
      const consent = consents.get(consentId);
      if (consent) consents.set(consentId, { ...consent, revokedAt });
    }
  }
  return [...consents.values()];
};

@Module({
  controllers: [ParticipantsController, DisclosuresController],
  providers: [EventLogDirectory, { provide: PARTICIPANT_DIRECTORY, useExisting: EventLogDirectory }],
})
export class ExampleRegistryModule {}
