import { deepStrictEqual, fail } from 'node:assert/strict';
import type { Decider } from './decider';
import { fold } from './decider';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * given(events).when(command).then(events) — or .thenThrows(ErrorClass) — for deciders.
 * Pure: no store, no clock; uses node:assert so it works under any test runner.
 */
export const DeciderSpecification = {
  for: <Command, Event, State>(decider: Decider<Command, Event, State>) =>
    (given: readonly Event[]) => ({
      when: (command: Command) => {
        const run = () => decider.decide(command, fold(decider, given));
        return {
          then: (expected: readonly Event[]) => deepStrictEqual(run(), expected),
          thenThrows: <E extends Error>(errorClass: ErrorClass, check?: (error: E) => void) => {
            try {
              run();
            } catch (error) {
              if (!(error instanceof errorClass)) throw error;
              check?.(error as E);
              return;
            }
            fail(`expected ${errorClass.name} to be thrown`);
          },
          /** The events decided, for assertions that are not plain equality. */
          events: run,
        };
      },
    }),
};
