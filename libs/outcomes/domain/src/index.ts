export * from './statistics';
export * from './instruments';
export * from './sobriety';
export * from './participant-record';
export * from './site-policy';
export * from './check-ins';
export * from './attendance';
