// Writes docs/reliability.md from the trials recorded by the last `npm run test:reliability`:
// one table per area, what was tried, how many times, what held.
import fs from 'node:fs';
import path from 'node:path';
import { readTrials, type Trial } from './trials';
import { reliabilitySize } from './size';

const reportFile = path.resolve(__dirname, '..', '..', 'docs', 'reliability.md');

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const figuresText = (figures: Trial['figures']): string =>
  figures ? Object.entries(figures).map(([name, value]) => `${name} ${value}`).join(', ') : '';

export const renderReport = (trials: ReturnType<typeof readTrials>, size: string, when: Date): string => {
  const areas = [...new Set(trials.map((trial) => trial.area))];
  const held = trials.filter((trial) => trial.passed).length;
  const lines = [
    '# Reliability report',
    '',
    `Written by \`npm run test:reliability\` (size \`${size}\`) on ${when.toISOString().slice(0, 10)}: ` +
      `${held} of ${trials.length} trials held. Every row is a test of the suite under \`reliability/\`; ` +
      'rerun it to refresh this file.',
    '',
  ];
  for (const area of areas) {
    lines.push(`## ${area}`, '', '| Tried | Times | What held | Held | Figures |', '| --- | ---: | --- | :---: | --- |');
    for (const trial of trials.filter((candidate) => candidate.area === area)) {
      lines.push(
        `| ${cell(trial.tried)} | ${trial.times} | ${cell(trial.held)} | ${trial.passed ? 'yes' : '**no**'} | ${cell(figuresText(trial.figures))} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
};

if (require.main === module) {
  const trials = readTrials();
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, renderReport(trials, reliabilitySize(), new Date()));
  console.log(`docs/reliability.md: ${trials.length} trials in ${new Set(trials.map((t) => t.area)).size} areas`);
}
