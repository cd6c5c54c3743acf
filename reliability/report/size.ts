// How hard the reliability suite pushes: `ci` (default) fits inside `npm test`; `large`
// (`npm run test:reliability -- --large`) runs longer outages, more kills and more requests.
export type ReliabilitySize = 'ci' | 'large';

export const reliabilitySize = (): ReliabilitySize => (process.env.RELIABILITY_SIZE === 'large' ? 'large' : 'ci');

/** Picks the figure for the current size. */
export const bySize = <T>(figures: { ci: T; large: T }): T => figures[reliabilitySize()];
