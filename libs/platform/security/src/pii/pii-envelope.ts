import { open, seal } from './aes-gcm';

/**
 * One encrypted field as stored in an event: `pii.v1.<keyId>.<iv>.<tag>.<data>`, base64url parts.
 * A plain string, so events stay JSON; the version lets the format change without rewriting events.
 */
const PREFIX = 'pii';
const VERSION = 'v1';

export type PiiEnvelope = Readonly<{ version: typeof VERSION; keyId: string; iv: Buffer; tag: Buffer; data: Buffer }>;

// Binds a ciphertext to its participant and key: a field copied onto another person does not decrypt.
const aad = (participantId: string, keyId: string) => `alongside-pii/${VERSION}/${participantId}/${keyId}`;

export const sealValue = (key: Buffer, keyId: string, participantId: string, value: unknown): string => {
  const { iv, tag, data } = seal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad(participantId, keyId));
  return [PREFIX, VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join('.');
};

export const parseEnvelope = (value: unknown): PiiEnvelope | undefined => {
  if (typeof value !== 'string') return undefined;
  const parts = value.split('.');
  if (parts.length !== 6 || parts[0] !== PREFIX || parts[1] !== VERSION) return undefined;
  const [, , keyId, iv, tag, data] = parts;
  return { version: VERSION, keyId, iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), data: Buffer.from(data, 'base64url') };
};

export const isPiiEnvelope = (value: unknown): value is string => parseEnvelope(value) !== undefined;

export const openValue = (key: Buffer, participantId: string, envelope: PiiEnvelope): unknown =>
  JSON.parse(open(key, envelope, aad(participantId, envelope.keyId)).toString('utf8'));
