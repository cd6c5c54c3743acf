// Authentication
export * from './authentication/role';
export * from './authentication/principal';
export * from './authentication/invalid-token';
export * from './authentication/jwt-config';
export * from './authentication/token-verifier';
export * from './authentication/secured-request';
export * from './authentication/public.decorator';
export * from './authentication/jwt-auth.guard';
export * from './authentication/current-principal.decorator';
export * from './authentication/dev-token';
// Authorisation
export * from './authorisation/roles.decorator';
export * from './authorisation/roles.guard';
export * from './authorisation/aggregated.decorator';
export * from './authorisation/aggregated.guard';
export * from './authorisation/route-access';
export * from './authorisation/access';
export * from './authorisation/not-found-here';
export * from './authorisation/assert-same-site';
export * from './authorisation/site.guard';
export * from './authorisation/caseload-policy';
export * from './authorisation/person-reach';
export * from './authorisation/participant-access';
export * from './authorisation/about-participant.decorator';
export * from './authorisation/participant-access.guard';
// Audit
export * from './audit/audit-events';
export * from './audit/audit-stream';
export * from './audit/audit-trail';
export * from './audit/accounting-period';
export * from './audit/disclosure-accounting';
export * from './audit/participant-directory';
export * from './audit/person-level-read.decorator';
export * from './audit/person-level-read.interceptor';
export * from './audit/disclosures.controller';
// PII
export * from './pii/erased';
export * from './pii/master-key-ring';
export * from './pii/pii-envelope';
export * from './pii/pii-key-store';
export * from './pii/in-memory-pii-key-store';
export * from './pii/postgres-pii-key-store';
export * from './pii/data-key-cache';
export * from './pii/pii-vault';
// Site scope: the database's own wall between sites
export * from './site-scope/site-scope';
export * from './site-scope/site-scope.middleware';
export * from './site-scope/in-event-site-scope';
export * from './site-scope/site-wall';
// Consent
export * from './consent/part2-consent';
export * from './consent/may-disclose';
// Edge
export * from './edge/problem-details';
export * from './edge/client-errors';
export * from './edge/correlation-id';
export * from './edge/invalid-input';
export * from './edge/validation.pipe';
export * from './edge/well-formed-text';
export * from './edge/problem-details.filter';
export * from './edge/security-headers';
export * from './edge/log-redaction';
export * from './edge/throttling';
export * from './security-options';
export * from './security.module';
// Test kit
export * from './test-kit/forged-tokens';
export * from './test-kit/describe-route-security';
