import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.js';
import {
  decryptField,
  encryptField,
  loadPersonalDataKeys,
  lookupHash,
  PersonalDataDecryptError,
  PersonalDataKeyError,
  type PersonalDataKeys,
} from './personal-data.js';

const KEY_B64 = randomBytes(32).toString('base64');
const OTHER_B64 = randomBytes(32).toString('base64');

function keysFrom(secret: string): PersonalDataKeys {
  return loadPersonalDataKeys({ LOUYUAN_SECRET_KEY: secret }, 'production');
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error('threw a non-Error');
  }
  throw new Error('did not throw');
}

/** No run of base64/hex characters long enough to be (part of) a key. */
function expectNoKeyMaterial(message: string, ...secrets: string[]): void {
  expect(message).not.toMatch(/[A-Za-z0-9+/_-]{24,}/);
  for (const secret of secrets) {
    for (let i = 0; i + 8 <= secret.length; i++) expect(message).not.toContain(secret.slice(i, i + 8));
  }
}

/** Replaces one character of a base64url string with a different valid one. */
function flipChar(text: string, index: number): string {
  const ch = text[index]!;
  return text.slice(0, index) + (ch === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('loadPersonalDataKeys', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-pd-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts base64, unpadded base64url and hex forms of the same key', () => {
    const raw = randomBytes(32);
    const b64 = loadPersonalDataKeys({ LOUYUAN_SECRET_KEY: raw.toString('base64') }, 'production');
    const b64url = loadPersonalDataKeys({ LOUYUAN_SECRET_KEY: raw.toString('base64url') }, 'production');
    const hex = loadPersonalDataKeys({ LOUYUAN_SECRET_KEY: ` ${raw.toString('hex')}\n` }, 'production');
    expect(b64.source).toBe('env');
    expect(b64url.kid).toBe(b64.kid);
    expect(hex.kid).toBe(b64.kid);
    expect(b64.kid).toMatch(/^[0-9a-f]{8}$/);
    expect(decryptField(hex, encryptField(b64, '郑州'))).toBe('郑州');
  });

  it('derives independent subkeys: the enc and lookup keys differ', () => {
    const keys = keysFrom(KEY_B64);
    expect(keys.enc.equals(keys.lookup)).toBe(false);
    expect(keys.enc.symmetricKeySize).toBe(32);
    expect(keys.lookup.symmetricKeySize).toBe(32);
  });

  it('does not reveal key material when logged or serialized', () => {
    const keys = keysFrom(KEY_B64);
    expectNoKeyMaterial(inspect(keys, { depth: 5 }), KEY_B64);
    expectNoKeyMaterial(JSON.stringify(keys), KEY_B64);
  });

  it('refuses production without the key, saying what to set and how to generate it', () => {
    for (const env of [{}, { LOUYUAN_SECRET_KEY: '' }, { LOUYUAN_SECRET_KEY: '  ' }]) {
      const error = errorOf(() => loadPersonalDataKeys(env, 'production', path.join(dir, 'secret.key')));
      expect(error).toBeInstanceOf(PersonalDataKeyError);
      expect(error.message).toContain('LOUYUAN_SECRET_KEY is not set');
      expect(error.message).toContain('production');
      expect(error.message).toContain(
        `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
      );
      expectNoKeyMaterial(error.message);
    }
    // Production never falls back to a key file.
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it.each([
    ['31 bytes as base64', randomBytes(31).toString('base64')],
    ['33 bytes as base64', randomBytes(33).toString('base64')],
    ['62 hex characters', randomBytes(31).toString('hex')],
    ['66 hex characters', randomBytes(33).toString('hex')],
    ['a passphrase', 'correct horse battery staple'],
    ['64 zeros', '0'.repeat(64)],
    ['base64 with an invalid character', `${randomBytes(32).toString('base64').slice(0, 42)}!=`],
  ])('rejects a malformed key (%s) in every mode, without echoing it', (_label, secret) => {
    for (const mode of ['production', 'development', 'test'] as const) {
      const error = errorOf(() =>
        loadPersonalDataKeys({ LOUYUAN_SECRET_KEY: secret }, mode, path.join(dir, 'secret.key')),
      );
      expect(error).toBeInstanceOf(PersonalDataKeyError);
      expect(error.message).toContain('LOUYUAN_SECRET_KEY is malformed');
      expect(error.message).toContain('randomBytes(32)');
      expectNoKeyMaterial(error.message, secret);
    }
  });

  it('uses an in-memory key in development/test when no file is given', () => {
    const a = loadPersonalDataKeys({}, 'test');
    const b = loadPersonalDataKeys({}, 'development');
    expect(a.source).toBe('ephemeral');
    expect(b.source).toBe('ephemeral');
    expect(a.kid).not.toBe(b.kid);
  });

  it('creates the development key file with mode 0600 and reuses it', () => {
    const file = path.join(dir, 'nested', 'secret.key');
    const first = loadPersonalDataKeys({}, 'development', file);
    expect(first.source).toBe('dev-file-created');
    expect(first.keyFile).toBe(file);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);

    const second = loadPersonalDataKeys({}, 'test', file);
    expect(second.source).toBe('dev-file');
    expect(second.kid).toBe(first.kid);
    expect(decryptField(second, encryptField(first, '13800138000'))).toBe('13800138000');
    const id = makeIdNumber('410103', '1990-03-07', '123');
    expect(lookupHash(second, 'id', id)).toBe(lookupHash(first, 'id', id));
  });

  it('prefers LOUYUAN_SECRET_KEY over the development key file', () => {
    const file = path.join(dir, 'secret.key');
    const keys = loadPersonalDataKeys({ LOUYUAN_SECRET_KEY: KEY_B64 }, 'development', file);
    expect(keys.source).toBe('env');
    expect(keys.kid).toBe(keysFrom(KEY_B64).kid);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('rejects a corrupt development key file without overwriting it', () => {
    const file = path.join(dir, 'secret.key');
    fs.writeFileSync(file, 'not a key\n', { mode: 0o600 });
    const error = errorOf(() => loadPersonalDataKeys({}, 'development', file));
    expect(error).toBeInstanceOf(PersonalDataKeyError);
    expect(error.message).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a key\n');
  });
});

describe('encryptField / decryptField', () => {
  const keys = keysFrom(KEY_B64);

  it.each(['410103199003071237', '13800138000', '张三 河南省郑州市二七区大学路 𠀾', '', 'a.b.c.d'])(
    'round-trips %j',
    (plaintext) => {
      expect(decryptField(keys, encryptField(keys, plaintext))).toBe(plaintext);
    },
  );

  it('produces v1.<kid>.<iv>.<ciphertext+tag> with a 12-byte IV and a 16-byte tag', () => {
    const token = encryptField(keys, '13800138000');
    const [version, kid, iv, body] = token.split('.');
    expect(version).toBe('v1');
    expect(kid).toBe(keys.kid);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(body!, 'base64url')).toHaveLength(11 + 16);
    expect(token).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('13800138000');
  });

  it('uses a fresh IV each time: equal plaintexts give different tokens', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => encryptField(keys, '410103199003071237')));
    expect(tokens.size).toBe(50);
    const ivs = new Set([...tokens].map((token) => token.split('.')[2]));
    expect(ivs.size).toBe(50);
  });

  describe('rejects tampering', () => {
    const plaintext = '410103199003071237';
    const token = encryptField(keys, plaintext);
    const [version, kid, iv, body] = token.split('.') as [string, string, string, string];
    const tagStart = body.length - 22; // the last 16 bytes ≈ the last 22 base64url characters

    it.each([
      ['the ciphertext', `${version}.${kid}.${iv}.${flipChar(body, 0)}`],
      ['the tag', `${version}.${kid}.${iv}.${flipChar(body, tagStart + 5)}`],
      ['the IV', `${version}.${kid}.${flipChar(iv, 3)}.${body}`],
      ['a truncated body', `${version}.${kid}.${iv}.${body.slice(0, -4)}`],
      ['a swapped IV', `${version}.${kid}.${encryptField(keys, plaintext).split('.')[2]}.${body}`],
    ])('%s', (_label, tampered) => {
      const error = errorOf(() => decryptField(keys, tampered));
      expect(error).toBeInstanceOf(PersonalDataDecryptError);
      expect(error.message).toMatch(/authentication failed|malformed/);
      expect(error.message).not.toContain(plaintext);
    });

    it.each([
      ['no parts', ''],
      ['three parts', `${version}.${kid}.${iv}`],
      ['five parts', `${token}.x`],
      ['a non-base64url character', `${version}.${kid}.${iv}.${body.slice(0, -1)}!`],
      ['padding', `${version}.${kid}.${iv}.${body}=`],
      ['a short IV', `${version}.${kid}.${iv.slice(0, 12)}.${body}`],
      ['a body shorter than a tag', `${version}.${kid}.${iv}.AAAA`],
      ['an upper-case key id', `${version}.${kid.toUpperCase().replace(/^[0-9]/, 'A')}.${iv}.${body}`],
    ])('malformed: %s', (_label, tampered) => {
      expect(() => decryptField(keys, tampered)).toThrow(PersonalDataDecryptError);
    });

    it('an unknown version', () => {
      expect(() => decryptField(keys, `v2.${kid}.${iv}.${body}`)).toThrow(/unsupported token version/);
    });

    it('a token from another key relabelled with the current kid fails authentication', () => {
      const other = keysFrom(OTHER_B64);
      const [, , otherIv, otherBody] = encryptField(other, plaintext).split('.');
      const error = errorOf(() => decryptField(keys, `v1.${keys.kid}.${otherIv}.${otherBody}`));
      expect(error).toBeInstanceOf(PersonalDataDecryptError);
      expect(error.message).toMatch(/authentication failed/);
      expect(error.message).not.toContain(plaintext);
    });
  });

  it('rejects a token under another key, naming both key ids but no key material', () => {
    const other = keysFrom(OTHER_B64);
    const error = errorOf(() => decryptField(other, encryptField(keys, '13800138000')));
    expect(error).toBeInstanceOf(PersonalDataDecryptError);
    expect(error.message).toContain(keys.kid);
    expect(error.message).toContain(other.kid);
    expect(error.message).not.toContain('13800138000');
    expectNoKeyMaterial(error.message, KEY_B64, OTHER_B64);
  });
});

describe('lookupHash', () => {
  const keys = keysFrom(KEY_B64);
  const id = makeIdNumber('410103', '1990-03-07', '123');

  it('is a stable 64-hex HMAC', () => {
    const hash = lookupHash(keys, 'id', id);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(lookupHash(keys, 'id', id)).toBe(hash);
    expect(lookupHash(keysFrom(KEY_B64), 'id', id)).toBe(hash);
    expect(hash).not.toContain(id);
  });

  it('differs per value, per kind and per key', () => {
    expect(lookupHash(keys, 'id', id)).not.toBe(
      lookupHash(keys, 'id', makeIdNumber('410103', '1990-03-07', '125')),
    );
    expect(lookupHash(keys, 'phone', '13800138000')).not.toBe(lookupHash(keys, 'phone', '13800138001'));
    expect(lookupHash(keysFrom(OTHER_B64), 'id', id)).not.toBe(lookupHash(keys, 'id', id));
  });

  it('is HMAC-SHA256 of `${kind}:${value}` under the lookup subkey, so the kind separates the domains', () => {
    const hmac = (key: KeyObject, message: string): string =>
      createHmac('sha256', key).update(message, 'utf8').digest('hex');
    expect(lookupHash(keys, 'id', id)).toBe(hmac(keys.lookup, `id:${id}`));
    expect(lookupHash(keys, 'phone', '13800138000')).toBe(hmac(keys.lookup, 'phone:13800138000'));
    // The same string under the other kind (or the enc subkey) hashes differently.
    expect(lookupHash(keys, 'id', id)).not.toBe(hmac(keys.lookup, `phone:${id}`));
    expect(lookupHash(keys, 'id', id)).not.toBe(hmac(keys.enc, `id:${id}`));
    // The shapes do not overlap, so a value is only ever accepted for one kind.
    expect(() => lookupHash(keys, 'id', '13800138000')).toThrow(TypeError);
    expect(() => lookupHash(keys, 'phone', id)).toThrow(TypeError);
  });

  it('accepts normalized landlines and 11010519491231002X-style IDs', () => {
    expect(lookupHash(keys, 'phone', '0371-68881234')).toMatch(/^[0-9a-f]{64}$/);
    expect(lookupHash(keys, 'id', '11010519491231002X')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['id', '11010519491231002x'],
    ['id', ' 410103199003071237'],
    ['phone', '+86 13800138000'],
    ['phone', '037168881234'],
    ['phone', '138 0013 8000'],
  ] as const)('refuses a non-normalized %s value %j', (kind, value) => {
    expect(() => lookupHash(keys, kind, value)).toThrow(TypeError);
  });
});
