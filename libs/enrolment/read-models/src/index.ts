export * from './site-row.entity';
export * from './participant-row.entity';
export * from './episode-row.entity';
export * from './consent-row.entity';
export * from './transfer-row.entity';
export * from './enrolment-views.projection';
