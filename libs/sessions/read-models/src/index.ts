export * from './group-row.entity';
export * from './member-row.entity';
export * from './session-row.entity';
export * from './attendance-row.entity';
export * from './sessions-views.projection';
