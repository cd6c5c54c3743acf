// Hands the infrastructure handle from jest's global setup to its global teardown. Both run in
// jest's main process, but each file is loaded as its own module, so the handle goes on globalThis.
import type { Infra } from '../infra/index';

const key = Symbol.for('alongside.jest.infra');
const slot = globalThis as typeof globalThis & { [key]?: Infra };

export const runningInfra = {
  set: (infra: Infra): void => {
    slot[key] = infra;
  },
  take: (): Infra | undefined => {
    const infra = slot[key];
    delete slot[key];
    return infra;
  },
};
