// Topics are shared by everything connected to the test broker, so each test file uses its own.
import { testTopicName } from './test-names';

/** A topic name no other test file or run uses, e.g. `test.match-events.mi0k3x2a-9f12c0de`. */
export const uniqueTopic = (name: string): string => testTopicName(name);
