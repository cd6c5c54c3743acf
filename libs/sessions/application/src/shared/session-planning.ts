import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { Facilitator } from '@alongside/sessions/contracts';
import { facilitatorDecider, facilitatorStream, groupDecider, groupStream, GroupNotFound, siteSettingsDecider, siteStream, type FacilitatorRecord, type Group } from '@alongside/sessions/domain';
import { SessionsLog } from './sessions-log';

/** What a command about a group's sessions needs to know from the log (strongly consistent, not a read model). */
@Injectable()
export class SessionPlanning {
  constructor(private readonly log: SessionsLog) {}

  async openGroup(siteId: SiteId, groupId: string): Promise<Group & { status: 'open' }> {
    const group = await this.log.load(groupStream(siteId, groupId), groupDecider);
    if (group.status === 'none') throw new GroupNotFound(groupId);
    return group;
  }

  /** What sessions heard from mentoring of a peer facilitator; null for a facilitator who is not a peer. */
  async peerRecordOf(siteId: SiteId, facilitator: Facilitator): Promise<FacilitatorRecord | null> {
    return facilitator.kind === 'peer' ? this.log.load(facilitatorStream(siteId, facilitator.id), facilitatorDecider) : null;
  }

  settingsOf(siteId: SiteId) {
    return this.log.load(siteStream(siteId), siteSettingsDecider);
  }
}
