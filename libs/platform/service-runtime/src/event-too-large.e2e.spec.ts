import { Body, Controller, HttpCode, Inject, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import request from 'supertest';
import { eventIdFor, type SiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, MAX_EVENT_BYTES, type EventStore } from '@alongside/platform/event-store';
import { mintDevToken, Roles } from '@alongside/platform/security';
import { createTestDatabase, testBrokers, type TestDatabase } from '@alongside/platform/testing';
import { createServiceApp } from './bootstrap';
import { ServiceRuntimeModule } from './service-runtime.module';

const STREAM = 'sessions.note-north-6f1c2a4e-3b5d-4e7f-8a9b-0c1d2e3f4a5b';

class WriteNote {
  @ApiProperty() @IsInt() @Min(1) @Max(4 * MAX_EVENT_BYTES) characters!: number;
}

/**
 * A route whose event grows with its input, as a real one would if a validator were ever missing:
 * what matters here is the path from the store's refusal to the client, through the runtime's wiring.
 */
@Controller('sites/:siteId/notes')
class NotesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  @HttpCode(201)
  @Roles('facilitator')
  async write(@Param('siteId') site: string, @Body() { characters }: WriteNote): Promise<{ stored: boolean }> {
    const metadata = { siteId: site as SiteId, schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'f', role: 'facilitator' as const }, occurredAt: '2026-01-01T00:00:00Z' };
    const header = { id: eventIdFor(`note-${characters}`, STREAM, 0), type: 'NoteHeader', data: { characters }, metadata };
    const note = { id: eventIdFor(`note-${characters}`, STREAM, 1), type: 'NoteWritten', data: { text: 'x'.repeat(characters) }, metadata };
    // Two events in one append: the small first one must not be kept when the second is refused.
    await this.store.appendToStream(STREAM, [header, note], { expectedVersion: 'no_stream' });
    return { stored: true };
  }
}

describe('An event over the store size limit', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let store: EventStore;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase('too-large');
    @Module({
      imports: [ServiceRuntimeModule.forRoot({ context: 'sessions', env: { ...process.env, DATABASE_URL: database.url, KAFKA_BROKERS: testBrokers().join(',') } })],
      controllers: [NotesController],
    })
    class NotesServiceModule {}
    app = await createServiceApp(NotesServiceModule);
    await app.init();
    store = app.get(EVENT_STORE);
    token = `Bearer ${await mintDevToken({ roles: ['facilitator'], sites: ['north'] })}`;
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('reaches the client as 413 problem+json naming the limit, and nothing of the command is appended', async () => {
    const response = await request(app.getHttpServer()).post('/sites/north/notes').set('Authorization', token).send({ characters: MAX_EVENT_BYTES + 1 });

    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'urn:alongside:problem:too-large', status: 413, title: 'Payload too large' });
    expect(response.body.detail).toContain(`limit of ${MAX_EVENT_BYTES} bytes per event`);
    expect(response.body.detail).toContain('NoteWritten');
    // The stream name carries a person's id; a refusal must not hand it out.
    expect(JSON.stringify(response.body)).not.toContain(STREAM);
    expect(await store.streamExists(STREAM)).toBe(false);
  });

  it('an event just under the limit is stored through the same route', async () => {
    await request(app.getHttpServer()).post('/sites/north/notes').set('Authorization', token).send({ characters: MAX_EVENT_BYTES - 4096 }).expect(201);
    expect((await store.readStream(STREAM)).events.map((e) => e.type)).toEqual(['NoteHeader', 'NoteWritten']);
  });
});
