import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { CurrentAccess, Roles, type Access } from '@alongside/platform/security';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { newIdFor } from '../shared/command-origin';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { CommandResponses } from '../shared/problem-responses';
import { ContactLoggedDto, LogContactDto } from './contacts.dto';
import { LogContact } from './contacts.handlers';

@ApiTags('contacts')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/matches/:matchId/contacts')
export class ContactsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  @Post()
  @Roles('peer-mentor', 'site-manager')
  @ApiCreatedResponse({ type: ContactLoggedDto, description: 'ContactLogged (with billable units; the note stays here, encrypted)' })
  @CommandResponses()
  async log(
    @Param('siteId') site: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() body: LogContactDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<ContactLoggedDto> {
    const contactId = body.contactId ?? newIdFor(origin, 'contact');
    const context = commandContext(origin, toSiteId(site), access.actor, this.clock());
    const recorded: string[] = await this.commands.execute(
      new LogContact(context, access, matchId, { contactId, kind: body.kind, minutes: body.minutes, contactAt: body.contactAt, note: body.note }),
    );
    return { contactId, recorded };
  }
}
