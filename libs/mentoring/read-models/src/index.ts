export * from './mentor-row.entity';
export * from './match-row.entity';
export * from './contact-row.entity';
export * from './referral-row.entity';
export * from './escalation-row.entity';
export * from './resource-row.entity';
export * from './mentoring-views.projection';
