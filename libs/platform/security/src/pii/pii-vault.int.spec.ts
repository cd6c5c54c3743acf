import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { ERASED } from './erased';
import { MasterKeyRing } from './master-key-ring';
import { PiiVault } from './pii-vault';

const mk1 = randomBytes(32).toString('base64');
const mk2 = randomBytes(32).toString('base64');
const ring1 = new MasterKeyRing({ 'mk-1': mk1 }, 'mk-1');

let database: TestDatabase;
let pool: Pool;
const vaults: PiiVault[] = [];

const vault = async (masterKeys: MasterKeyRing, cache = {}) => {
  const opened = await PiiVault.connect({ connectionString: database.url, schema: 'enrolment', masterKeys, cache });
  vaults.push(opened);
  return opened;
};

beforeAll(async () => {
  database = await createTestDatabase('security-pii');
  pool = new Pool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await Promise.all(vaults.map((v) => v.close()));
  await pool?.end();
  await database?.drop();
});

describe('PII vault on Postgres', () => {
  it('migrates pii_keys in the service schema, and again harmlessly from several replicas at once', async () => {
    await Promise.all([vault(ring1), vault(ring1), vault(ring1)]);
    const { rows } = await pool.query(`SELECT to_regclass('enrolment.pii_keys') AS table`);
    expect(rows[0].table).toBe('enrolment.pii_keys');
  });

  it("migrates into a schema the service's runtime creates at the same moment", async () => {
    // The runtime (ensureDatabaseAndSchema, the service role) creates the schema while the vault starts.
    // Held deterministically: the runtime's CREATE SCHEMA is uncommitted while the vault's waits on it,
    // so the vault's IF NOT EXISTS loses with 23505 — which must not stop the service.
    const schema = `race_${randomUUID().slice(0, 8)}`;
    const runtime = await pool.connect();
    try {
      await runtime.query('BEGIN');
      await runtime.query(`CREATE SCHEMA "${schema}"`);
      const opening = PiiVault.connect({ connectionString: database.url, schema, masterKeys: ring1 });
      opening.catch(() => undefined);
      await waitFor(async () => (await pool.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
        [`%CREATE SCHEMA IF NOT EXISTS "${schema}"%`],
      )).rowCount === 1, { what: "the vault's CREATE SCHEMA waiting on the runtime's" });
      await runtime.query('COMMIT');
      vaults.push(await opening);
    } finally {
      runtime.release();
    }
    expect((await pool.query('SELECT to_regclass($1) AS table', [`${schema}.pii_keys`])).rows[0].table).toBe(`${schema}.pii_keys`);
  });

  it('stores only a wrapped key, never the data key or the clear values', async () => {
    const participantId = randomUUID();
    const v = await vault(ring1);
    const sealed = await v.encryptFields(participantId, 'north', { name: 'Maria Lopez' }, ['name']);
    const { rows } = await pool.query('SELECT * FROM enrolment.pii_keys WHERE participant_id = $1', [participantId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ site_id: 'north', master_key_id: 'mk-1', erased_at: null });
    expect(rows[0].wrapped_key).toHaveLength(12 + 16 + 32);
    expect(JSON.stringify(rows[0])).not.toContain('Maria');
    expect((await (await vault(ring1)).decryptFields(participantId, sealed, ['name'])).name).toBe('Maria Lopez');
  });

  it('gives one key to a participant even when replicas create it at the same moment', async () => {
    const participantId = randomUUID();
    const replicas = await Promise.all([vault(ring1), vault(ring1), vault(ring1), vault(ring1)]);
    const sealed = await Promise.all(replicas.map((r, i) => r.encryptFields(participantId, 'north', { name: `n${i}` }, ['name'])));
    expect(new Set(sealed.map((s) => s.name.split('.')[2])).size).toBe(1);
    const reader = await vault(ring1);
    expect(await Promise.all(sealed.map(async (s) => (await reader.decryptFields(participantId, s, ['name'])).name))).toEqual(['n0', 'n1', 'n2', 'n3']);
  });

  it("erases by deleting the key: every replica then reads the PII as erased", async () => {
    const participantId = randomUUID();
    const writer = await vault(ring1);
    const otherReplica = await vault(ring1, { ttlMs: 0 });
    const sealed = await writer.encryptFields(participantId, 'north', { name: 'Dana', programme: 'outpatient' }, ['name']);
    expect((await otherReplica.decryptFields(participantId, sealed, ['name'])).name).toBe('Dana');

    expect(await writer.erase(participantId)).toBe(true);
    expect(await writer.erase(participantId)).toBe(false);
    const { rows } = await pool.query('SELECT wrapped_key, master_key_id, erased_at FROM enrolment.pii_keys WHERE participant_id = $1', [participantId]);
    expect(rows[0]).toMatchObject({ wrapped_key: null, master_key_id: null, erased_at: expect.any(Date) });
    expect(await otherReplica.decryptFields(participantId, sealed, ['name'])).toEqual({ name: ERASED, programme: 'outpatient' });
  });

  it('erases a participant who had no key yet, so that none is made later', async () => {
    const participantId = randomUUID();
    const v = await vault(ring1);
    expect(await v.erase(participantId)).toBe(false);
    await expect(v.encryptFields(participantId, 'north', { name: 'x' }, ['name'])).rejects.toThrow(/erased/);
  });

  it("creates a key inside the caller's transaction: rolled back, no key is stored or kept, and the next seal makes one that opens", async () => {
    const participantId = randomUUID();
    const v = await vault(ring1);
    const transaction = await pool.connect();
    let lost: { name: string };
    try {
      await transaction.query('BEGIN');
      lost = await v.encryptFieldsWithin(transaction, participantId, 'north', { name: 'Ana' }, ['name']);
      expect(lost.name).toMatch(/^pii\.v1\./);
      await transaction.query('ROLLBACK');
    } finally {
      transaction.release();
    }
    expect((await pool.query('SELECT 1 FROM enrolment.pii_keys WHERE participant_id = $1', [participantId])).rowCount).toBe(0);
    // Neither stored nor cached: what it sealed opens for nobody, this vault included.
    await expect(v.decryptFields(participantId, lost, ['name'])).rejects.toThrow(/No data key/);

    const committing = await pool.connect();
    let sealed: { name: string };
    try {
      await committing.query('BEGIN');
      sealed = await v.encryptFieldsWithin(committing, participantId, 'north', { name: 'Ana' }, ['name']);
      await committing.query('COMMIT');
    } finally {
      committing.release();
    }
    expect(await (await vault(ring1)).decryptFields(participantId, sealed, ['name'])).toEqual({ name: 'Ana' });
  });

  it("refuses to seal inside a transaction for an erased participant", async () => {
    const participantId = randomUUID();
    const v = await vault(ring1);
    await v.erase(participantId);
    const transaction = await pool.connect();
    try {
      await transaction.query('BEGIN');
      await expect(v.encryptFieldsWithin(transaction, participantId, 'north', { name: 'x' }, ['name'])).rejects.toThrow(/erased/);
    } finally {
      await transaction.query('ROLLBACK');
      transaction.release();
    }
  });

  it('re-wraps every key under a new master key, after which the old one can be dropped', async () => {
    const participants = [randomUUID(), randomUUID(), randomUUID()];
    const before = await vault(ring1);
    const sealed = await Promise.all(participants.map((p) => before.encryptFields(p, 'north', { name: p.slice(0, 4) }, ['name'])));

    const rotating = await vault(new MasterKeyRing({ 'mk-1': mk1, 'mk-2': mk2 }, 'mk-2'));
    expect(await rotating.rewrap({ batchSize: 2 })).toBeGreaterThanOrEqual(participants.length);
    const { rows } = await pool.query(`SELECT count(*)::int AS left FROM enrolment.pii_keys WHERE master_key_id = 'mk-1'`);
    expect(rows[0].left).toBe(0);

    const after = await vault(new MasterKeyRing({ 'mk-2': mk2 }, 'mk-2'));
    expect(await Promise.all(participants.map(async (p, i) => (await after.decryptFields(p, sealed[i], ['name'])).name))).toEqual(
      participants.map((p) => p.slice(0, 4)),
    );
    await expect((await vault(ring1)).decryptFields(participants[0], sealed[0], ['name'])).rejects.toThrow(/"mk-2" is not configured/);
  });
});
