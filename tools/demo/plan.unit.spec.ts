import { generatePlan, generateSitePlans, planCounts, type NetworkPlan } from './plan';

const options = { sites: 3, participantsPerSite: 200, months: 12, seed: 7, asOf: '2026-05-01' } as const;

/** Among participants admitted at least `days` before the end: share still in treatment (or completed) after `days`. */
const retainedAt = (plan: NetworkPlan, days: number): number => {
  let eligible = 0;
  let retained = 0;
  for (const site of plan.sites) {
    for (const p of site.participants) {
      if (p.admittedDay + days > plan.days - 1) continue;
      eligible++;
      const stayed = (p.discharge ? p.discharge.day : plan.days - 1) - p.admittedDay;
      if (stayed >= days || p.discharge?.reason === 'completed') retained++;
    }
  }
  return retained / eligible;
};

/** Relapses per 1,000 participant-days in treatment, for the mentored and the unmentored. */
const relapseRates = (plan: NetworkPlan) => {
  const tally = { mentored: { relapses: 0, days: 0 }, unmentored: { relapses: 0, days: 0 } };
  for (const site of plan.sites) {
    for (const p of site.participants) {
      const group = p.match ? tally.mentored : tally.unmentored;
      group.relapses += p.relapses.length;
      group.days += (p.discharge ? p.discharge.day : plan.days - 1) - p.admittedDay + 1;
    }
  }
  return { mentored: (1000 * tally.mentored.relapses) / tally.mentored.days, unmentored: (1000 * tally.unmentored.relapses) / tally.unmentored.days };
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const sum = (items: readonly number[]) => items.reduce((a, b) => a + b, 0);

describe('The synthetic network plan', () => {
  const plan = generatePlan(options);

  describe('for a seed', () => {
    it('gives the same counts, and the same ids, for the same seed', () => {
      const again = generatePlan(options);
      expect(planCounts(again)).toEqual(planCounts(plan));
      expect(again.sites[0].participants.map((p) => p.participantId)).toEqual(plan.sites[0].participants.map((p) => p.participantId));
    });

    it('gives different counts for a different seed', () => {
      expect(planCounts(generatePlan({ ...options, seed: 8 }))).not.toEqual(planCounts(plan));
    });

    it('is the same plan when generated one site at a time (what the store mode does at 10 million events)', () => {
      const bySite = [...generateSitePlans(options)];
      expect(bySite.map((p) => p.sites.length)).toEqual(plan.sites.map(() => 1));
      expect(bySite.map((p) => p.sites[0])).toEqual(plan.sites);
      expect(bySite.every((p) => p.startsOn === plan.startsOn && p.days === plan.days)).toBe(true);
    });

    it('keeps a site the same when sites are added (each site draws from its own sequence)', () => {
      const more = generatePlan({ ...options, sites: 4 });
      expect(more.sites[0]).toEqual(plan.sites[0]);
    });
  });

  describe('dynamics (tolerances, not truths)', () => {
    it('retains about half at 90 days, with dropout concentrated in the first 30 days', () => {
      const at30 = retainedAt(plan, 30);
      const at90 = retainedAt(plan, 90);
      expect(at90).toBeGreaterThan(0.35);
      expect(at90).toBeLessThan(0.65);
      // More than half of the dropout by day 90 happens in the first 30 of those days.
      expect(1 - at30).toBeGreaterThan((1 - at90) / 2);
    });

    it('has a higher relapse rate for the unmentored', () => {
      const rates = relapseRates(plan);
      expect(rates.unmentored).toBeGreaterThan(rates.mentored * 1.2);
    });

    it('has more lapses than relapses, counted apart', () => {
      const counts = planCounts(plan);
      expect(counts.lapses).toBeGreaterThan(counts.relapses);
    });

    it('has PHQ-9 and GAD-7 falling and BARC-10 rising between intake and the latest assessment', () => {
      const first = (instrument: string) => plan.sites.flatMap((s) => s.participants.map((p) => p.assessments.find((a) => a.instrument === instrument)!));
      const latest = (instrument: string) =>
        plan.sites.flatMap((s) => s.participants.filter((p) => p.assessments.length > 6).map((p) => p.assessments.filter((a) => a.instrument === instrument).at(-1)!));
      expect(mean(latest('PHQ-9').map((a) => sum(a.items)))).toBeLessThan(mean(first('PHQ-9').map((a) => sum(a.items))) - 2);
      expect(mean(latest('BARC-10').map((a) => sum(a.items)))).toBeGreaterThan(mean(first('BARC-10').map((a) => sum(a.items))) + 4);
      expect(mean(latest('GAD-7').map((a) => sum(a.items)))).toBeLessThan(mean(first('GAD-7').map((a) => sum(a.items))) - 1.5);
    });

    it('keeps answers in range and every fact inside the episode and before the end', () => {
      const wrong: string[] = [];
      for (const site of plan.sites) {
        for (const p of site.participants) {
          const last = p.discharge ? p.discharge.day : plan.days - 1;
          if (last >= plan.days) wrong.push(`${p.participantId} ends after the plan`);
          for (const a of p.assessments) {
            const [min, max, count] = { 'PHQ-9': [0, 3, 9], 'GAD-7': [0, 3, 7], 'BARC-10': [1, 6, 10] }[a.instrument];
            if (a.day < p.admittedDay || a.day > last) wrong.push(`${p.participantId} assessed outside the episode`);
            if (a.items.length !== count || Math.min(...a.items) < min || Math.max(...a.items) > max) wrong.push(`${p.participantId} ${a.instrument} ${a.items}`);
          }
          if (p.match && p.consentDay === null) wrong.push(`${p.participantId} matched without consent`);
          // Reintegration: reviewed at intake; later reviews only after a discharge, and none after the plan's end.
          for (const r of p.reintegration) {
            const due = r.checkpoint === 'intake' ? r.day === p.admittedDay : p.discharge !== null && r.day >= p.discharge.day;
            if (!due || r.day >= plan.days || r.socialConnectedness < 1 || r.socialConnectedness > 5) wrong.push(`${p.participantId} ${r.checkpoint} review on day ${r.day}`);
          }
          for (const day of [...p.lapses, ...p.relapses, ...p.contacts.map((c) => c.day)]) if (day > last) wrong.push(`${p.participantId} fact after the episode`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('never fills a mentor beyond the caseload limit', () => {
      for (const site of plan.sites) {
        const load = new Map<string, number>();
        for (const p of site.participants) if (p.match) load.set(p.match.mentorId, (load.get(p.match.mentorId) ?? 0) + 1);
        for (const mentor of site.mentors) expect(load.get(mentor.mentorId) ?? 0).toBeLessThanOrEqual(mentor.maxCaseload);
      }
    });
  });
});
