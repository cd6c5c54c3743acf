import { renderReport } from './write-report';

describe('reliability report', () => {
  const trial = (area: string, passed: boolean) => ({
    area, tried: 'kill | restart', times: 3, held: 'nothing lost', passed, figures: { seed: 7 }, at: '2026-12-02T00:00:00Z',
  });

  it('groups trials by area, counts what held and escapes table pipes', () => {
    const report = renderReport([trial('Broker faults', true), trial('Bad input', false), trial('Broker faults', true)], 'ci', new Date('2026-12-02'));
    expect(report).toContain('2 of 3 trials held');
    expect(report.match(/^## /gm)).toHaveLength(2);
    expect(report).toContain('| kill \\| restart | 3 | nothing lost | yes | seed 7 |');
    expect(report).toContain('| **no** |');
  });
});
