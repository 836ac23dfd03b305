/**
 * Encryption at rest and exact-match lookup for residents' personal data (PIPL): citizen ID numbers
 * and phone numbers.
 *
 * One master key, LOUYUAN_SECRET_KEY (32 random bytes, base64 or hex), is never used directly; two
 * independent subkeys are derived from it with HKDF-SHA256:
 *   enc     (info 'louyuan/enc/v1')     AES-256-GCM field encryption
 *   lookup  (info 'louyuan/lookup/v1')  HMAC-SHA256 blind index for exact search
 *
 * Field token: 'v1.<kid>.<iv>.<ciphertext+tag>' — kid is the first 8 hex digits of SHA-256 of the enc
 * subkey (so a future rotation can pick the right key; it reveals nothing usable about the key), iv is
 * 12 random bytes, both binary parts are unpadded base64url. 'v1.<kid>' is authenticated as
 * additional data, so the header cannot be swapped without detection.
 *
 * Rotation (not implemented yet): keep the old keys by kid, decrypt with the one named in the token,
 * re-encrypt with the current one. The lookup hashes carry no key id; rotating the lookup subkey means
 * recomputing every hash from the decrypted values.
 *
 * Key material lives only in KeyObjects, which print as `SecretKeyObject { type: 'secret', ... }` and
 * serialize to `{}`, so a stray log line or JSON dump cannot leak it.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRET_KEY_VARIABLE = 'LOUYUAN_SECRET_KEY';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
const ENC_INFO = 'louyuan/enc/v1';
const LOOKUP_INFO = 'louyuan/lookup/v1';
/** Shapes of the normalized values (see parseIdNumber and parsePhone in src/shared). */
const NORMALIZED: Record<'id' | 'phone', RegExp> = {
  id: /^\d{17}[\dX]$/,
  phone: /^(?:1[3-9]\d{9}|0\d{2,3}-[1-9]\d{6,7})$/,
};
const GENERATE_COMMAND = `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;

/**
 * Where the master key came from:
 *   env               LOUYUAN_SECRET_KEY
 *   dev-file          read from the development key file
 *   dev-file-created  freshly generated and written to the development key file (mode 0600)
 *   ephemeral         generated in memory for this process only (development/test without a file):
 *                     anything encrypted with it is unreadable after a restart
 */
export type PersonalDataKeySource = 'env' | 'dev-file' | 'dev-file-created' | 'ephemeral';

export interface PersonalDataKeys {
  /** Key id written into every token: first 8 hex digits of SHA-256 of the enc subkey. */
  readonly kid: string;
  readonly source: PersonalDataKeySource;
  /** The development key file used, when source is dev-file or dev-file-created. */
  readonly keyFile?: string;
  readonly enc: KeyObject;
  readonly lookup: KeyObject;
}

/** The master key is missing or malformed. The message says what to do and contains no key material. */
export class PersonalDataKeyError extends Error {
  override name = 'PersonalDataKeyError';
}

/** A token could not be decrypted. The message never contains the plaintext or the token. */
export class PersonalDataDecryptError extends Error {
  override name = 'PersonalDataDecryptError';
}

const HOW_TO_SET =
  `Generate a key with:\n  ${GENERATE_COMMAND}\n` +
  `and set ${SECRET_KEY_VARIABLE} to its output (32 bytes as base64, or as 64 hex characters) in the ` +
  `service's environment. Keep it secret and back it up with the database backups: ` +
  `ID and phone numbers encrypted with a lost key cannot be recovered.`;

/** Decodes a master key given as 64 hex characters or as base64/base64url of 32 bytes; null if malformed. */
function decodeMasterKey(text: string): Buffer | null {
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) key = Buffer.from(text, 'base64');
  else if (/^[A-Za-z0-9_-]{43}$/.test(text)) key = Buffer.from(text, 'base64url');
  if (key === null || key.length !== KEY_BYTES) return null;
  // All bytes equal (e.g. 64 zeros) is a placeholder, not a key.
  if (key.every((byte) => byte === key[0])) return null;
  return key;
}

function deriveKeys(master: Buffer, source: PersonalDataKeySource, keyFile?: string): PersonalDataKeys {
  const encRaw = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), ENC_INFO, KEY_BYTES));
  const lookupRaw = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), LOOKUP_INFO, KEY_BYTES));
  const kid = createHash('sha256').update(encRaw).digest('hex').slice(0, 8);
  const keys: PersonalDataKeys = {
    kid,
    source,
    ...(keyFile === undefined ? {} : { keyFile }),
    enc: createSecretKey(encRaw),
    lookup: createSecretKey(lookupRaw),
  };
  encRaw.fill(0);
  lookupRaw.fill(0);
  master.fill(0);
  return Object.freeze(keys);
}

function readOrCreateDevKey(file: string): { master: Buffer; created: boolean } {
  const malformed = (): PersonalDataKeyError =>
    new PersonalDataKeyError(
      `The development key file ${file} does not hold a valid key (32 bytes as base64 or 64 hex ` +
        `characters). Delete it to have a new one generated (data encrypted with the old key becomes ` +
        `unreadable), or set ${SECRET_KEY_VARIABLE}.`,
    );
  const read = (): Buffer => {
    const master = decodeMasterKey(fs.readFileSync(file, 'utf8').trim());
    if (master === null) throw malformed();
    return master;
  };
  if (fs.existsSync(file)) return { master: read(), created: false };

  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const master = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    // 'wx': never overwrite a key another process has just written.
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { master: read(), created: false };
    throw error;
  }
  try {
    fs.writeFileSync(fd, `${master.toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { master, created: true };
}

/**
 * Loads the personal-data keys.
 *
 * - LOUYUAN_SECRET_KEY set: it must be 32 bytes as base64 (44 characters, padding optional, base64url
 *   accepted) or 64 hex characters, in every mode; a malformed value always throws.
 * - Unset in production: throws — the service must refuse to start.
 * - Unset in development/test: the key in `devKeyFile` (created with mode 0600 on first use), or an
 *   in-memory random key when no file is given. `source` says which.
 *
 * Errors are PersonalDataKeyError and never contain key material.
 */
export function loadPersonalDataKeys(
  env: NodeJS.ProcessEnv,
  mode: 'production' | 'development' | 'test',
  devKeyFile?: string,
): PersonalDataKeys {
  const configured = env[SECRET_KEY_VARIABLE]?.trim();
  if (configured) {
    const master = decodeMasterKey(configured);
    if (master === null) {
      throw new PersonalDataKeyError(
        `${SECRET_KEY_VARIABLE} is malformed: expected 32 random bytes as base64 (44 characters) or ` +
          `as 64 hex characters, got ${configured.length} characters. ${HOW_TO_SET}`,
      );
    }
    return deriveKeys(master, 'env');
  }
  if (mode === 'production') {
    throw new PersonalDataKeyError(
      `${SECRET_KEY_VARIABLE} is not set. Louyuan refuses to start in production without it: ` +
        `residents' ID and phone numbers are encrypted with this key. ${HOW_TO_SET}`,
    );
  }
  if (devKeyFile === undefined) return deriveKeys(randomBytes(KEY_BYTES), 'ephemeral');
  const { master, created } = readOrCreateDevKey(devKeyFile);
  return deriveKeys(master, created ? 'dev-file-created' : 'dev-file', devKeyFile);
}

function headerOf(kid: string): string {
  return `${VERSION}.${kid}`;
}

/**
 * Random IVs are drawn from a pool refilled 4,096 at a time: one randomBytes call per field cost the bulk writer
 * more than the encryption itself. Every IV is still 12 fresh CSPRNG bytes, used once.
 */
const IV_POOL_SIZE = 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * IV_POOL_SIZE);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

/** Encrypts one field value: 'v1.<kid>.<iv>.<ciphertext+tag>' (AES-256-GCM, random 96-bit IV). */
export function encryptField(keys: PersonalDataKeys, plaintext: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(headerOf(keys.kid), 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${headerOf(keys.kid)}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** Strict unpadded base64url: Buffer.from would silently skip invalid characters and ignore stray bits. */
function decodeBase64Url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** Decrypts a token from encryptField. Throws PersonalDataDecryptError when it is malformed, altered or under another key. */
export function decryptField(keys: PersonalDataKeys, token: string): string {
  const malformed = (): PersonalDataDecryptError =>
    new PersonalDataDecryptError('Cannot decrypt personal-data field: malformed token');
  const parts = token.split('.');
  if (parts.length !== 4) throw malformed();
  const [version, kid, ivText, bodyText] = parts as [string, string, string, string];
  if (version !== VERSION) {
    throw new PersonalDataDecryptError(`Cannot decrypt personal-data field: unsupported token version`);
  }
  if (!/^[0-9a-f]{8}$/.test(kid)) throw malformed();
  if (kid !== keys.kid) {
    throw new PersonalDataDecryptError(
      `Cannot decrypt personal-data field: it was encrypted under key id ${kid}, but the current key id ` +
        `is ${keys.kid} (wrong or rotated ${SECRET_KEY_VARIABLE})`,
    );
  }
  const iv = decodeBase64Url(ivText);
  const body = decodeBase64Url(bodyText);
  if (iv === null || iv.length !== IV_BYTES || body === null || body.length < TAG_BYTES) throw malformed();

  const decipher = createDecipheriv('aes-256-gcm', keys.enc, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(headerOf(kid), 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    const plain = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    throw new PersonalDataDecryptError(
      'Cannot decrypt personal-data field: authentication failed (the value was altered, or the key is wrong)',
    );
  }
}

/**
 * Blind index for exact search without decrypting: HMAC-SHA256 (lookup subkey) of `${kind}:${value}`,
 * as 64 hex characters. The value must already be normalized — parseIdNumber(...).value or
 * parsePhone(...).value; a value not of that shape (lower-case x, spaces, an unformatted landline)
 * throws a TypeError, because its hash would silently never match. Only the shape is checked here,
 * so a future change to the validation rules cannot make stored hashes unreachable.
 */
export function lookupHash(keys: PersonalDataKeys, kind: 'id' | 'phone', normalizedValue: string): string {
  if (!NORMALIZED[kind].test(normalizedValue)) {
    throw new TypeError(`lookupHash: the ${kind} value is not in normalized form (parse it first)`);
  }
  return createHmac('sha256', keys.lookup).update(`${kind}:${normalizedValue}`, 'utf8').digest('hex');
}
