export * from './participant-record.commands';
export * from './participant-record.errors';
export * from './participant-record.state';
export * from './participant-record.decider';
