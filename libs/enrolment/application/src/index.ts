export * from './enrolment.module';
export * from './config/enrolment-config';
export * from './shared/clock';
export * from './messaging/transfer-saga';
export * from './messaging/transfer-saga.consumer';
export { PersonalDetailsRow } from './personal-details/personal-details-row.entity';
export { nameTokens, blindTokens } from './personal-details/name-tokens';
