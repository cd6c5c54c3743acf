import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { assertSameSite } from '../authorisation/assert-same-site';
import { Roles } from '../authorisation/roles.decorator';
import { DisclosureAccounting, type Accounting } from './disclosure-accounting';
import { PARTICIPANT_DIRECTORY, type ParticipantDirectory } from './participant-directory';
import { PersonLevelRead } from './person-level-read.decorator';

class ActorView {
  @ApiProperty() sub!: string;
  @ApiProperty({ example: 'clinician' }) role!: string;
}

class DisclosureView {
  @ApiProperty({ format: 'date-time' }) disclosedAt!: string;
  @ApiProperty({ enum: ['export', 'transfer', 'disclosure'] }) kind!: string;
  @ApiProperty({ example: 'south' }) recipient!: string;
  @ApiProperty({ example: 'treatment' }) purpose!: string;
  @ApiProperty({ format: 'uuid' }) consentId!: string;
  @ApiProperty({ type: [String], example: ['enrolment', 'attendance'] }) information!: string[];
  @ApiProperty({ type: ActorView }) disclosedBy!: ActorView;
  @ApiProperty() correlationId!: string;
}

class AccountingView {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the three-year period' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [DisclosureView] }) disclosures!: DisclosureView[];
}

/**
 * `GET /sites/:siteId/participants/:id/disclosures`: the accounting of disclosures (42 CFR 2.24).
 * A service lists it in its module's controllers and provides a ParticipantDirectory.
 */
@ApiTags('disclosures')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/disclosures')
export class DisclosuresController {
  private directory?: ParticipantDirectory;

  constructor(
    private readonly accounting: DisclosureAccounting,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  @Roles('clinician', 'site-manager')
  @PersonLevelRead({ participantParam: 'id', purpose: 'accounting-of-disclosures' })
  @ApiOperation({ summary: "The participant's disclosures of the past three years, newest first" })
  @ApiOkResponse({ type: AccountingView })
  async list(@Param('siteId') siteId: SiteId, @Param('id', new ParseUUIDPipe()) participantId: string): Promise<Accounting> {
    assertSameSite(await this.participantDirectory().siteOf(participantId), siteId);
    return this.accounting.accountFor(siteId, participantId);
  }

  private participantDirectory(): ParticipantDirectory {
    this.directory ??= this.moduleRef.get<ParticipantDirectory>(PARTICIPANT_DIRECTORY, { strict: false });
    return this.directory;
  }
}
