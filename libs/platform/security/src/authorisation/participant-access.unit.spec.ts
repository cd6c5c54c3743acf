import type { ModuleRef } from '@nestjs/core';
import { siteId } from '@alongside/platform/event-sourcing';
import type { CaseloadPolicy } from './caseload-policy';
import { NotFoundHere } from './not-found-here';
import { ParticipantAccess } from './participant-access';

const MATCHED = '3c7fed44-7bf5-4d9c-b8bd-c83713ca7d9f';

/** A caseload that answers like its Postgres read model: a malformed id is a refused statement. */
const asked: string[] = [];
const caseload: CaseloadPolicy = {
  isMatched: async ({ participantId }) => {
    asked.push(participantId);
    if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new Error('invalid input syntax for type uuid');
    return participantId === MATCHED;
  },
};
const access = new ParticipantAccess({ get: () => caseload } as unknown as ModuleRef);
const mentor = { principal: { sub: 'm', roles: ['peer-mentor'] as const, sites: [siteId('north')], mentorId: 'mentor-1' }, grantingRoles: ['peer-mentor'] as const };

describe('ParticipantAccess for a peer mentor', () => {
  beforeEach(() => (asked.length = 0));

  it('lets the mentor reach a matched participant', async () => {
    await expect(access.assertMayReach(mentor, siteId('north'), MATCHED)).resolves.toBeUndefined();
  });

  it.each(['nul\u0000byte', "1' or '1'='1", '', 'x'.repeat(40)])('answers 404 for the id %j without asking the caseload', async (id) => {
    await expect(access.assertMayReach(mentor, siteId('north'), id)).rejects.toBeInstanceOf(NotFoundHere);
    expect(asked).toEqual([]);
  });
});
