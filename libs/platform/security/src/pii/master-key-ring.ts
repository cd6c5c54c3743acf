import { KEY_BYTES, open, packSealed, seal, unpackSealed } from './aes-gcm';

export type WrappedKey = Readonly<{ masterKeyId: string; wrapped: Buffer }>;

type Env = Readonly<Record<string, string | undefined>>;

/** For development and tests only; refused in production. Base64 of 32 fixed bytes. */
export const DEV_PII_MASTER_KEY = 'YWxvbmdzaWRlLWRldmVsb3BtZW50LW1hc3Rlci1rZXk=';
export const DEV_PII_MASTER_KEY_ID = 'dev-1';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

const decodeKey = (id: string, base64: string): Buffer => {
  if (!KEY_ID.test(id)) throw new Error(`PII master key id "${id}" must be 1-64 letters, digits, dots, dashes or underscores`);
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`PII master key "${id}" must be ${KEY_BYTES} bytes, base64-encoded`);
  return key;
};

/**
 * The master keys that wrap participants' data keys. New keys are wrapped with the current one;
 * the others still unwrap what they wrapped until `PiiVault.rewrap` has moved every key over.
 */
export class MasterKeyRing {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    keys: Readonly<Record<string, string>>,
    readonly currentId: string,
  ) {
    this.keys = new Map(Object.entries(keys).map(([id, base64]) => [id, decodeKey(id, base64)]));
    if (!this.keys.has(currentId)) throw new Error(`The current PII master key "${currentId}" is not configured`);
  }

  get ids(): string[] {
    return [...this.keys.keys()];
  }

  wrap(dataKey: Buffer, context: string): WrappedKey {
    return { masterKeyId: this.currentId, wrapped: packSealed(seal(this.key(this.currentId), dataKey, wrapAad(this.currentId, context))) };
  }

  unwrap({ masterKeyId, wrapped }: WrappedKey, context: string): Buffer {
    return open(this.key(masterKeyId), unpackSealed(wrapped), wrapAad(masterKeyId, context));
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`PII master key "${id}" is not configured; it is needed to unwrap a stored data key`);
    return key;
  }
}

// Binds a wrapped key to its row: a wrapped key copied to another participant does not unwrap.
const wrapAad = (masterKeyId: string, context: string) => `alongside-pii-key/${masterKeyId}/${context}`;

/**
 * PII_MASTER_KEY (base64, 32 bytes) with PII_MASTER_KEY_ID is the current key. During a rotation,
 * PII_MASTER_KEYS holds the others as `id:base64,id:base64` (it may hold the current one too).
 * Outside production, a documented development key is used when none is configured.
 */
export const masterKeyRingFromEnv = (env: Env = process.env): MasterKeyRing => {
  const keys: Record<string, string> = {};
  for (const entry of (env['PII_MASTER_KEYS'] ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    if (colon < 1) throw new Error('PII_MASTER_KEYS entries are id:base64, separated by commas');
    keys[entry.slice(0, colon)] = entry.slice(colon + 1);
  }
  const current = env['PII_MASTER_KEY'];
  const currentId = env['PII_MASTER_KEY_ID'];
  if (current) {
    if (!currentId) throw new Error('PII_MASTER_KEY_ID names PII_MASTER_KEY; it is recorded with each wrapped key');
    keys[currentId] = current;
  }
  if (Object.keys(keys).length === 0) {
    if (env['NODE_ENV'] === 'production') throw new Error('PII_MASTER_KEY and PII_MASTER_KEY_ID are required in production');
    return new MasterKeyRing({ [DEV_PII_MASTER_KEY_ID]: DEV_PII_MASTER_KEY }, DEV_PII_MASTER_KEY_ID);
  }
  if (!currentId) throw new Error('PII_MASTER_KEY_ID must name the current PII master key');
  return new MasterKeyRing(keys, currentId);
};
