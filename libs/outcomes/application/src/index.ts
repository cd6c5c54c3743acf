export * from './outcomes.module';
export * from './shared/outcomes-clock';
export * from './consumers/enrolment-listener';
export * from './consumers/mentoring-listener';
export * from './consumers/sessions-listener';
export * from './participant-record/participant-stream';
export * from './analytics/analyst-tables';
export * from './dashboards/relapse.view';
