export * from './expected-version';
export * from './event-store';
export * from './event-size-limit';
export * from './upcast-on-read';
export * from './subscribe-by-polling';
export * from './aggregate-stream';
export * from './handle-command';
export * from './contract/event-store.contract';
export { newStream, sampleEvent, sampleEvents } from './contract/sample-events';
