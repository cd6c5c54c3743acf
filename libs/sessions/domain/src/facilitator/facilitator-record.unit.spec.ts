import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import type { FacilitatorEvent } from '@alongside/sessions/contracts';
import { facilitatorDecider, isCertifiedOn } from './facilitator-record';

const given = DeciderSpecification.for(facilitatorDecider);
const granted = { mentorId: 'm', certificationId: 'c1', credential: 'CPRS', validFrom: '2025-02-01T00:00:00Z', expiresAt: '2025-04-01T00:00:00Z', sourceEventId: 'e1' };
const recorded: FacilitatorEvent = { type: 'PeerCertificationRecorded', data: granted };
const expired: FacilitatorEvent = { type: 'PeerCertificationExpired', data: { mentorId: 'm', certificationId: 'c1', expiredAt: '2025-03-15T00:00:00Z', sourceEventId: 'e2' } };

describe('Peer facilitator record', () => {
  it('records a certification heard from mentoring', () => given([]).when({ type: 'RecordPeerCertification', data: granted }).then([recorded]));
  it('records nothing when the same certification is heard again', () => given([recorded]).when({ type: 'RecordPeerCertification', data: granted }).then([]));
  it('is current between grant and expiry, not before nor after', () => {
    const record = fold(facilitatorDecider, [recorded]);
    expect(isCertifiedOn(record, '2025-03-01T18:00:00Z')).toBe(true);
    expect(isCertifiedOn(record, '2025-01-31T18:00:00Z')).toBe(false);
    expect(isCertifiedOn(record, '2025-04-01T00:00:00Z')).toBe(false);
  });
  it('ends a certification when mentoring says it expired early', () => {
    const record = fold(facilitatorDecider, [recorded, expired]);
    expect(isCertifiedOn(record, '2025-03-20T18:00:00Z')).toBe(false);
    expect(isCertifiedOn(record, '2025-03-10T18:00:00Z')).toBe(true);
  });
  it('is current again once renewed', () => {
    const renewed: FacilitatorEvent = { type: 'PeerCertificationRecorded', data: { ...granted, expiresAt: '2026-04-01T00:00:00Z', sourceEventId: 'e3' } };
    expect(isCertifiedOn(fold(facilitatorDecider, [recorded, expired, renewed]), '2025-05-01T18:00:00Z')).toBe(true);
  });
});
