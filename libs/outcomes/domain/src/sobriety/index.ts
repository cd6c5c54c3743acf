export * from './calendar-days';
export * from './milestones';
