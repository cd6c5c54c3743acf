import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { outcomesEventExamples } from '@alongside/outcomes/contracts';
import { sitePolicyDecider } from './site-policy.decider';

const given = DeciderSpecification.for(sitePolicyDecider);
const policy = outcomesEventExamples.OutcomePolicySet;

describe('Site outcome policy', () => {
  it('is set the first time, milestones in order', () =>
    given([]).when({ type: 'SetOutcomePolicy', data: { ...policy.data, milestoneDays: [90, 30, 60, 365, 180] } }).then([policy]));

  it('records nothing when heard again unchanged', () =>
    given([policy]).when({ type: 'SetOutcomePolicy', data: { ...policy.data, setAt: '2026-02-01T00:00:00Z' } }).then([]));

  it('records a change of lapse policy', () =>
    expect(given([policy]).when({ type: 'SetOutcomePolicy', data: { ...policy.data, lapseRestartsSobriety: true } }).events()).toHaveLength(1));
});
