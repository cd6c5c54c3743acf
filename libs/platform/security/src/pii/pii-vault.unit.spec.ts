import { randomBytes } from 'node:crypto';
import { InMemoryPiiKeyStore } from './in-memory-pii-key-store';
import { ERASED, ParticipantErased } from './erased';
import { MasterKeyRing } from './master-key-ring';
import { PiiVault } from './pii-vault';

const ALICE = '6f1c0b7e-3a59-4d5c-9b0e-2f4a8d1c7e01';
const BOB = '0e6f4d2a-8b1c-4f3e-a5d7-9c2b1e0f3a42';
const mk1 = randomBytes(32).toString('base64');
const registered = { participantId: ALICE, name: 'Maria Lopez', dateOfBirth: '1984-06-02', programme: 'outpatient', phone: undefined };

describe('PII vault', () => {
  let keys: InMemoryPiiKeyStore;
  let vault: PiiVault;

  beforeEach(() => {
    keys = new InMemoryPiiKeyStore();
    vault = new PiiVault(keys, new MasterKeyRing({ 'mk-1': mk1 }, 'mk-1'));
  });

  it('encrypts the named fields only and decrypts them back', async () => {
    const sealed = await vault.encryptFields(ALICE, 'north', registered, ['name', 'dateOfBirth', 'phone']);
    expect(sealed.programme).toBe('outpatient');
    expect(sealed.phone).toBeUndefined();
    expect(JSON.stringify(sealed)).not.toMatch(/Maria|1984/);
    expect(await vault.decryptFields(ALICE, sealed, ['name', 'dateOfBirth', 'phone'])).toEqual(registered);
  });

  it('uses one key per participant', async () => {
    const a = await vault.encryptFields(ALICE, 'north', { name: 'A' }, ['name']);
    const b = await vault.encryptFields(BOB, 'north', { name: 'B' }, ['name']);
    expect(a.name.split('.')[2]).not.toBe(b.name.split('.')[2]);
    await expect(vault.decryptFields(BOB, a, ['name'])).rejects.toThrow(/another key/);
  });

  it('keeps no clear key in the key store', async () => {
    await vault.encryptFields(ALICE, 'north', { name: 'A' }, ['name']);
    const row = await keys.find(ALICE);
    expect(row).toMatchObject({ siteId: 'north', wrapped: { masterKeyId: 'mk-1' } });
    expect(row!.wrapped!.wrapped.length).toBe(12 + 16 + 32);
  });

  describe('after erasure', () => {
    it('reads the PII as erased, leaving the other fields', async () => {
      const sealed = await vault.encryptFields(ALICE, 'north', registered, ['name', 'dateOfBirth']);
      expect(await vault.erase(ALICE)).toBe(true);
      expect(await vault.decryptFields(ALICE, sealed, ['name', 'dateOfBirth'])).toEqual({
        ...registered,
        name: ERASED,
        dateOfBirth: ERASED,
      });
      expect(await vault.isErased(ALICE)).toBe(true);
    });

    it('is unreadable by a vault that had the key cached', async () => {
      const sealed = await vault.encryptFields(ALICE, 'north', { name: 'A' }, ['name']);
      await vault.decryptFields(ALICE, sealed, ['name']);
      await vault.erase(ALICE);
      expect((await vault.decryptFields(ALICE, sealed, ['name'])).name).toEqual(ERASED);
    });

    it('refuses new PII for the same participant', async () => {
      await vault.erase(ALICE);
      await expect(vault.encryptFields(ALICE, 'north', { name: 'A' }, ['name'])).rejects.toThrow(ParticipantErased);
    });
  });

  it('re-wraps every key under the current master key, leaving the ciphertexts readable', async () => {
    const sealed = await vault.encryptFields(ALICE, 'north', { name: 'A' }, ['name']);
    await vault.encryptFields(BOB, 'north', { name: 'B' }, ['name']);
    await vault.erase(BOB);

    const mk2 = randomBytes(32).toString('base64');
    const rotating = new PiiVault(keys, new MasterKeyRing({ 'mk-1': mk1, 'mk-2': mk2 }, 'mk-2'));
    expect(await rotating.rewrap({ batchSize: 1 })).toBe(1);
    expect(await rotating.rewrap()).toBe(0);
    expect((await keys.find(ALICE))!.wrapped!.masterKeyId).toBe('mk-2');

    const retired = new PiiVault(keys, new MasterKeyRing({ 'mk-2': mk2 }, 'mk-2'));
    expect((await retired.decryptFields(ALICE, sealed, ['name'])).name).toBe('A');
  });

  it('refuses a field that is not an envelope', async () => {
    await vault.encryptFields(ALICE, 'north', { name: 'A' }, ['name']);
    await expect(vault.decryptFields(ALICE, { name: 'Maria' }, ['name'])).rejects.toThrow(/not an encrypted PII envelope/);
  });
});
