import { Body, ConflictException, Controller, Get, Module, Param, Post, type INestApplication, type ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { RuleViolated, VersionConflict, type SiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE } from '@alongside/platform/event-store';
import {
  Aggregated,
  AuditTrail,
  CASELOAD_POLICY,
  CurrentAccess,
  CurrentPrincipal,
  PersonLevelRead,
  Public,
  Roles,
  SecurityModule,
  applySecurityHeaders,
  assertSameSite,
  mintDevToken,
  unsignedToken,
  type Access,
  type CaseloadPolicy,
  type DevTokenClaims,
  type Principal,
} from './index';
import { MemoryEventStore } from './spec-support/memory-event-store';

const SECRET = 'security-module-spec-secret-0123456789abcdef';
const jwt = { kind: 'secret', secret: new TextEncoder().encode(SECRET), issuer: 'alongside', audience: 'alongside', clockToleranceSeconds: 0 } as const;
const token = (claims: DevTokenClaims, options = {}) => mintDevToken(claims, { secret: SECRET, ...options });

const ALICE = '6f1c0b7e-3a59-4d5c-9b0e-2f4a8d1c7e01';
const BOB = '0e6f4d2a-8b1c-4f3e-a5d7-9c2b1e0f3a42';
const MENTOR = 'mentor-7';
const participants: Record<string, SiteId> = { [ALICE]: 'north' as SiteId, [BOB]: 'south' as SiteId };

class Address {
  @IsString() city!: string;
}

class RecordCheckIn {
  @IsInt() @Min(1) @Max(5) mood!: number;
  @IsOptional() @ValidateNested() @Type(() => Address) address?: Address;
}

@Controller()
class SpecController {
  @Get('health/live')
  @Public()
  live() {
    return { status: 'up' };
  }

  @Get('sites/:siteId/participants/:id')
  @Roles('clinician', 'site-manager', 'peer-mentor', 'participant', 'analyst')
  @PersonLevelRead({ participantParam: 'id', purpose: 'treatment' })
  read(@Param('siteId') siteId: SiteId, @Param('id') id: string, @CurrentAccess() access: Access) {
    assertSameSite(participants[id], siteId);
    return { id, siteId, actingAs: access.actor.role };
  }

  @Post('sites/:siteId/participants/:id/check-ins')
  @Roles('participant', 'clinician')
  record(@Body() body: RecordCheckIn) {
    return { recorded: body.mood, isInstance: body instanceof RecordCheckIn };
  }

  @Get('sites/:siteId/dashboards/census')
  @Roles('analyst', 'site-manager')
  @Aggregated()
  census() {
    return { census: 42 };
  }

  @Get('analytics/retention')
  @Roles('analyst')
  @Aggregated()
  retention(@CurrentPrincipal() principal: Principal) {
    return { sites: principal.sites };
  }

  @Get('sites/:siteId/unguarded')
  unguarded() {
    return { leaked: true };
  }

  @Get('sites/:siteId/failures/:kind')
  @Roles('clinician')
  fail(@Param('kind') kind: string) {
    if (kind === 'conflict') throw new VersionConflict('s', '1', '2');
    if (kind === 'rule') throw new (class extends RuleViolated {})('A lapse cannot be recorded before admission.');
    if (kind === 'http') throw new ConflictException('Already enrolled at this site.');
    throw new Error('duplicate key value violates unique constraint "participants_pkey" at /srv/app/secret.ts:12');
  }
}

const startApp = async (metadata: ModuleMetadata): Promise<INestApplication> => {
  @Module(metadata)
  class SpecApp {}
  const app = await NestFactory.create(SpecApp, { logger: false });
  applySecurityHeaders(app);
  return app.init();
};

const caseload: CaseloadPolicy = {
  isMatched: async ({ mentorId, participantId, siteId }) => mentorId === MENTOR && participantId === ALICE && siteId === 'north',
};

describe('SecurityModule at the HTTP edge', () => {
  let app: INestApplication;
  const store = new MemoryEventStore();
  const http = () => request(app.getHttpServer());
  const auditRecords = () => store.log.filter((e) => e.type === 'PersonLevelDataRead');

  beforeAll(async () => {
    app = await startApp({
      imports: [SecurityModule.forRoot({ context: 'spec', jwt, throttle: { limit: 1000, ttlMs: 60_000 } })],
      controllers: [SpecController],
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: CASELOAD_POLICY, useValue: caseload },
      ],
    });
  });

  afterAll(() => app.close());

  describe('authentication', () => {
    it('lets health through without a token', () => http().get('/health/live').expect(200));

    it('refuses a request without a token with a 401 problem', async () => {
      const response = await http().get(`/sites/north/participants/${ALICE}`).expect(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.body).toMatchObject({ status: 401, title: 'Not authenticated', instance: `/sites/north/participants/${ALICE}` });
      expect(response.body.correlationId).toEqual(expect.any(String));
    });

    it.each([
      ['signed with another key', () => mintDevToken({ roles: ['clinician'], sites: ['north'] }, { secret: 'x'.repeat(40) })],
      ['expired', () => token({ roles: ['clinician'], sites: ['north'] }, { ttl: -60 })],
      ['for another audience', () => token({ roles: ['clinician'], sites: ['north'] }, { audience: 'billing' })],
      ['from another issuer', () => token({ roles: ['clinician'], sites: ['north'] }, { issuer: 'someone-else' })],
    ])('refuses a token %s', async (_, mint) => {
      await http().get(`/sites/north/participants/${ALICE}`).auth(await mint(), { type: 'bearer' }).expect(401);
    });

    it('says when the token has expired', async () => {
      const expired = await token({ roles: ['clinician'], sites: ['north'] }, { ttl: -60 });
      const response = await http().get(`/sites/north/participants/${ALICE}`).auth(expired, { type: 'bearer' }).expect(401);
      expect(response.body.detail).toMatch(/expired/);
    });

    it('refuses an unsigned token (alg none)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const unsigned = unsignedToken({ sub: 'x', roles: ['clinician'], sites: ['north'], iss: 'alongside', aud: 'alongside', exp: now + 60 });
      await http().get(`/sites/north/participants/${ALICE}`).auth(unsigned, { type: 'bearer' }).expect(401);
    });

    it('refuses a token whose claims are malformed', async () => {
      const { SignJWT } = await import('jose');
      const malformed = await new SignJWT({ roles: 'clinician', sites: ['north'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer('alongside')
        .setAudience('alongside')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
      await http().get(`/sites/north/participants/${ALICE}`).auth(malformed, { type: 'bearer' }).expect(401);
    });
  });

  describe('site scoping', () => {
    it("answers 404 for a site that is not in the token, with nothing recorded", async () => {
      const before = auditRecords().length;
      const clinician = await token({ roles: ['clinician'], sites: ['north'] });
      const response = await http().get(`/sites/south/participants/${BOB}`).auth(clinician, { type: 'bearer' }).expect(404);
      expect(response.body).toMatchObject({ status: 404, detail: 'Nothing was found here.' });
      expect(auditRecords()).toHaveLength(before);
    });

    it("answers 404 for another site's object read through one's own site", async () => {
      const clinician = await token({ roles: ['clinician'], sites: ['north'] });
      await http().get(`/sites/north/participants/${BOB}`).auth(clinician, { type: 'bearer' }).expect(404);
    });

    it('gives platform-admin no way into a site that is not in its token', async () => {
      const admin = await token({ roles: ['platform-admin'], sites: ['north'] });
      await http().get(`/sites/south/participants/${BOB}`).auth(admin, { type: 'bearer' }).expect(404);
    });
  });

  describe('roles', () => {
    it('answers 403 naming the roles needed', async () => {
      const facilitator = await token({ roles: ['facilitator'], sites: ['north'] });
      const response = await http().get(`/sites/north/participants/${ALICE}`).auth(facilitator, { type: 'bearer' }).expect(403);
      expect(response.body.detail).toBe('This needs one of the roles: clinician, site-manager, peer-mentor, participant, analyst.');
    });

    it('keeps platform-admin out of clinical routes', async () => {
      const admin = await token({ roles: ['platform-admin'], sites: ['north'] });
      await http().get(`/sites/north/participants/${ALICE}`).auth(admin, { type: 'bearer' }).expect(403);
    });

    it('closes a route that declares no roles', async () => {
      const manager = await token({ roles: ['site-manager'], sites: ['north'] });
      await http().get('/sites/north/unguarded').auth(manager, { type: 'bearer' }).expect(403);
    });

    it('refuses an analyst on a person-level route, even one listing the role', async () => {
      const analyst = await token({ roles: ['analyst'], sites: ['north'] });
      const response = await http().get(`/sites/north/participants/${ALICE}`).auth(analyst, { type: 'bearer' }).expect(403);
      expect(response.body.detail).toMatch(/aggregated/);
    });

    it('lets an analyst reach aggregated routes', async () => {
      const analyst = await token({ roles: ['analyst'], sites: ['north', 'south'] });
      await http().get('/sites/north/dashboards/census').auth(analyst, { type: 'bearer' }).expect(200, { census: 42 });
      await http().get('/analytics/retention').auth(analyst, { type: 'bearer' }).expect(200, { sites: ['north', 'south'] });
    });
  });

  describe('participants and peer mentors', () => {
    it('lets a participant read their own record', async () => {
      const alice = await token({ roles: ['participant'], sites: ['north'], participantId: ALICE });
      await http().get(`/sites/north/participants/${ALICE}`).auth(alice, { type: 'bearer' }).expect(200);
    });

    it("answers 404 to a participant asking for someone else's record", async () => {
      const other = await token({ roles: ['participant'], sites: ['north'], participantId: '11111111-2222-4333-8444-555555555555' });
      await http().get(`/sites/north/participants/${ALICE}`).auth(other, { type: 'bearer' }).expect(404);
    });

    it('lets a peer mentor reach their caseload and no one else', async () => {
      const mentor = await token({ roles: ['peer-mentor'], sites: ['north'], mentorId: MENTOR });
      await http().get(`/sites/north/participants/${ALICE}`).auth(mentor, { type: 'bearer' }).expect(200);
      const stranger = await token({ roles: ['peer-mentor'], sites: ['north'], mentorId: 'mentor-8' });
      await http().get(`/sites/north/participants/${ALICE}`).auth(stranger, { type: 'bearer' }).expect(404);
    });

    it('records a clinician who is also a peer mentor as a clinician', async () => {
      const both = await token({ roles: ['peer-mentor', 'clinician'], sites: ['north'], mentorId: 'mentor-8' });
      const response = await http().get(`/sites/north/participants/${ALICE}`).auth(both, { type: 'bearer' }).expect(200);
      expect(response.body.actingAs).toBe('clinician');
    });
  });

  describe('audit of person-level reads', () => {
    it('appends an access record after a successful read', async () => {
      const clinician = await token({ sub: 'dr-hale', roles: ['clinician'], sites: ['north'] });
      await http()
        .get(`/sites/north/participants/${ALICE}`)
        .set('X-Correlation-Id', 'corr-audit-1')
        .auth(clinician, { type: 'bearer' })
        .expect(200);
      const record = auditRecords().find((e) => e.metadata.correlationId === 'corr-audit-1');
      expect(record).toMatchObject({
        streamId: `spec.audit-north-${ALICE}`,
        data: { participantId: ALICE, purpose: 'treatment', route: '/sites/:siteId/participants/:id', method: 'GET' },
        metadata: { siteId: 'north', actor: { sub: 'dr-hale', role: 'clinician' } },
      });
    });

    it('fails the read with a 500 when the access record cannot be appended', async () => {
      const clinician = await token({ roles: ['clinician'], sites: ['north'] });
      store.failAppends = true;
      try {
        const response = await http().get(`/sites/north/participants/${ALICE}`).auth(clinician, { type: 'bearer' }).expect(500);
        expect(response.body).not.toHaveProperty('id');
        expect(JSON.stringify(response.body)).not.toMatch(/simulated|connection/);
      } finally {
        store.failAppends = false;
      }
    });

    it('is available to services for disclosures', () => {
      expect(app.get(AuditTrail)).toBeInstanceOf(AuditTrail);
    });
  });

  describe('input validation', () => {
    it('answers 400 listing each field and the rule it broke', async () => {
      const clinician = await token({ roles: ['clinician'], sites: ['north'] });
      const response = await http()
        .post(`/sites/north/participants/${ALICE}/check-ins`)
        .auth(clinician, { type: 'bearer' })
        .send({ mood: 9, address: { city: 3 }, diagnosis: 'x' })
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'mood', rule: 'max', message: expect.any(String) },
          { field: 'address.city', rule: 'isString', message: expect.any(String) },
          { field: 'diagnosis', rule: 'whitelistValidation', message: expect.any(String) },
        ]),
      );
    });

    it('transforms a valid body into its DTO class', async () => {
      const clinician = await token({ roles: ['clinician'], sites: ['north'] });
      await http()
        .post(`/sites/north/participants/${ALICE}/check-ins`)
        .auth(clinician, { type: 'bearer' })
        .send({ mood: 4 })
        .expect(201, { recorded: 4, isInstance: true });
    });

    it('answers 400 to a body that is not JSON', async () => {
      const clinician = await token({ roles: ['clinician'], sites: ['north'] });
      const response = await http()
        .post(`/sites/north/participants/${ALICE}/check-ins`)
        .auth(clinician, { type: 'bearer' })
        .set('Content-Type', 'application/json')
        .send('{"mood": ')
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('errors as problem details', () => {
    const fail = async (kind: string) =>
      http().get(`/sites/north/failures/${kind}`).auth(await token({ roles: ['clinician'], sites: ['north'] }), { type: 'bearer' });

    it('maps a version conflict to 409', async () => {
      expect((await fail('conflict')).body).toMatchObject({ status: 409, type: 'urn:alongside:problem:conflict' });
    });

    it('maps a broken domain rule to 422 with its words', async () => {
      expect((await fail('rule')).body).toMatchObject({ status: 422, detail: 'A lapse cannot be recorded before admission.' });
    });

    it('keeps an HttpException status and message', async () => {
      expect((await fail('http')).body).toMatchObject({ status: 409, detail: 'Already enrolled at this site.' });
    });

    it('answers 500 without the internal message or a stack', async () => {
      const response = await fail('crash');
      expect(response.status).toBe(500);
      expect(Object.keys(response.body).sort()).toEqual(['correlationId', 'detail', 'instance', 'status', 'title', 'type']);
      expect(JSON.stringify(response.body)).not.toMatch(/duplicate|secret\.ts|at \//);
    });

    it('answers an unknown route with a 404 problem', async () => {
      const response = await http().get('/nowhere').auth(await token({ roles: ['clinician'], sites: ['north'] }), { type: 'bearer' }).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  it('sets security headers', async () => {
    const response = await http().get('/health/live').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('SecurityModule rate limits', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApp({
      imports: [SecurityModule.forRoot({ context: 'spec', jwt, throttle: { limit: 3, ttlMs: 60_000 } })],
      controllers: [SpecController],
      providers: [{ provide: EVENT_STORE, useValue: new MemoryEventStore() }],
    });
  });

  afterAll(() => app.close());

  it('answers 429 as a problem once the limit is reached', async () => {
    for (let i = 0; i < 3; i++) await request(app.getHttpServer()).get('/health/live').expect(200);
    const response = await request(app.getHttpServer()).get('/health/live').expect(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.body).toMatchObject({ status: 429, type: 'urn:alongside:problem:rate-limited' });
  });

  it('counts per signed-in person, so colleagues behind one address do not share a budget', async () => {
    const census = async (sub: string) =>
      request(app.getHttpServer())
        .get('/sites/north/dashboards/census')
        .auth(await token({ sub, roles: ['site-manager'], sites: ['north'] }), { type: 'bearer' });
    for (let i = 0; i < 3; i++) expect((await census('manager-a')).status).toBe(200);
    expect((await census('manager-a')).status).toBe(429);
    expect((await census('manager-b')).status).toBe(200);
  });
});
