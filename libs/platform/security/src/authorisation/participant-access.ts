import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { Access } from './access';
import { CASELOAD_POLICY, type CaseloadPolicy } from './caseload-policy';
import { NotFoundHere } from './not-found-here';
import { personReach } from './person-reach';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks that a request may reach one participant. Routes with the participant in the path get it
 * from ParticipantAccessGuard; a handler that finds the participant only after loading an object
 * (a contact, a check-in) calls `assertMayReach` itself. Out of reach answers 404, like absent.
 */
@Injectable()
export class ParticipantAccess {
  private caseload?: CaseloadPolicy;

  constructor(private readonly moduleRef: ModuleRef) {}

  async assertMayReach(access: Pick<Access, 'principal' | 'grantingRoles'>, siteId: SiteId, participantId: string): Promise<void> {
    const reach = personReach(access.principal, access.grantingRoles);
    if (reach.kind === 'site-wide' || reach.self === participantId) return;
    // Participants are UUIDs: anything else names nobody, and must not reach the caseload's query,
    // where a NUL or a malformed id makes Postgres refuse the statement (a 500 instead of this 404).
    if (!UUID.test(participantId)) throw new NotFoundHere();
    if (reach.caseloadOf !== undefined && (await this.caseloadPolicy().isMatched({ siteId, mentorId: reach.caseloadOf, participantId }))) return;
    throw new NotFoundHere();
  }

  private caseloadPolicy(): CaseloadPolicy {
    if (!this.caseload) {
      try {
        this.caseload = this.moduleRef.get<CaseloadPolicy>(CASELOAD_POLICY, { strict: false });
      } catch {
        // A route open to peer mentors without a policy to narrow them is a wiring mistake: fail loudly.
        throw new Error('This route is open to peer mentors but no CaseloadPolicy is provided under CASELOAD_POLICY');
      }
    }
    return this.caseload;
  }
}
