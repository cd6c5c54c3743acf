import { decideNetwork, STORE_ORDER } from './into-stores';
import { generatePlan } from './plan';

describe("A plan decided by the services' deciders (mode b)", () => {
  const options = { sites: ['a', 'b'], participantsPerSite: 10, months: 3, seed: 5, asOf: '2026-03-01' } as const;
  const eventsOf = async (seed: number) => {
    const decided = await decideNetwork(generatePlan({ ...options, seed }));
    return STORE_ORDER.flatMap((service) => decided[service].events().map((e) => `${service}/${e.type}/${e.id}`));
  };

  it('is the same, event for event and id for id, for the same seed', async () => {
    const first = await eventsOf(5);
    expect(first.length).toBeGreaterThan(100);
    expect(await eventsOf(5)).toEqual(first);
  });

  it('is the same decided site by site as decided whole (the store mode appends a site at a time)', async () => {
    const plan = generatePlan(options);
    const whole = await decideNetwork(plan);
    const bySite = await Promise.all(plan.sites.map((site) => decideNetwork({ ...plan, sites: [site] })));
    for (const service of STORE_ORDER) {
      const ids = (events: { id: string }[]) => events.map((e) => e.id).sort();
      expect(ids(bySite.flatMap((decided) => decided[service].events()))).toEqual(ids(whole[service].events()));
    }
  });

  it('differs for another seed', async () => {
    expect(await eventsOf(6)).not.toEqual(await eventsOf(5));
  });
});
