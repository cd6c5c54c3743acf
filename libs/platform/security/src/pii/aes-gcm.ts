import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type Sealed = Readonly<{ iv: Buffer; tag: Buffer; data: Buffer }>;

/** AES-256-GCM with a fresh random 96-bit IV; `aad` binds the ciphertext to its context. */
export const seal = (key: Buffer, plaintext: Buffer, aad: string): Sealed => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
};

/** Throws when the key, the AAD or any byte of the ciphertext is not the one sealed. */
export const open = (key: Buffer, sealed: Sealed, aad: string): Buffer => {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) throw new Error('Malformed AES-GCM envelope');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
};

/** iv ‖ tag ‖ data in one buffer, for storage in a bytea column. */
export const packSealed = ({ iv, tag, data }: Sealed): Buffer => Buffer.concat([iv, tag, data]);

export const unpackSealed = (packed: Buffer): Sealed => ({
  iv: packed.subarray(0, IV_BYTES),
  tag: packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
  data: packed.subarray(IV_BYTES + TAG_BYTES),
});
