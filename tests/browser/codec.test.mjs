// Unit tests of the verifier page's own code, run in Node (no browser): base32, the CBOR subset,
// COSE_Sign1 / CWT checks and the offline cache, against vectors from make_vectors.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto, randomBytes } from 'node:crypto';
import { makeVectors } from './vectors.mjs';
import { PAGE_DIR } from './static-server.mjs';

const require = createRequire(import.meta.url);
const V = require(join(PAGE_DIR, 'verifier.js'));

const hex = (s) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b) => Buffer.from(b).toString('hex');

test('base32: RFC 4648 vectors, either case, optional padding', () => {
  const cases = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
  for (const [plain, enc] of cases) {
    assert.equal(Buffer.from(V.base32Decode(enc)).toString(), plain);
    assert.equal(Buffer.from(V.base32Decode(enc.toLowerCase())).toString(), plain);
    assert.equal(V.base32Encode(Buffer.from(plain)), enc);
  }
  assert.equal(Buffer.from(V.base32Decode('MZXW6YQ=')).toString(), 'foob');
  for (let n = 0; n < 40; n++) {
    const bytes = randomBytes(n);
    assert.deepEqual(Buffer.from(V.base32Decode(V.base32Encode(bytes))), bytes);
  }
});

test('base32: refuses other characters, impossible lengths and non-canonical endings', () => {
  // other characters; lengths no byte count gives; 'M7' leaves non-zero bits over
  for (const bad of ['MZXW6!', 'MZ XW', 'MZ0W', 'MZ1W', 'MZ==x', 'M', 'MZX', 'MZXW6Y', 'M7']) {
    assert.throws(() => V.base32Decode(bad), V.FormatError, bad);
  }
});

test('extractToken: bare token, #token, whole qr_text, pasted with spaces', () => {
  assert.equal(V.extractToken('ABCD'), 'ABCD');
  assert.equal(V.extractToken('#abcd'), 'abcd');
  assert.equal(V.extractToken('  HTTP://LOCALHOST:8080/V#ABCD  '), 'ABCD');
  assert.equal(V.extractToken('http://localhost:8080/v#AB CD\nEF'), 'ABCDEF');
  assert.equal(V.extractToken(''), '');
  assert.equal(V.extractToken(null), '');
});

test('CBOR: decodes the RFC 8949 Appendix A examples of the subset', () => {
  const cases = [
    ['00', 0], ['01', 1], ['0a', 10], ['17', 23], ['1818', 24], ['1819', 25], ['1864', 100],
    ['1903e8', 1000], ['1a000f4240', 1000000], ['1b000000e8d4a51000', 1000000000000],
    ['1bffffffffffffffff', 18446744073709551615n], ['3bffffffffffffffff', -18446744073709551616n],
    ['1b001fffffffffffff', Number.MAX_SAFE_INTEGER], ['1b0020000000000000', 2n ** 53n],
    ['20', -1], ['29', -10], ['3863', -100], ['3903e7', -1000],
    ['60', ''], ['6161', 'a'], ['6449455446', 'IETF'], ['62225c', '"\\'], ['62c3bc', '\u00fc'],
    ['63e6b0b4', '\u6c34'], ['64f0908591', '\ud800\udd51'],
    ['80', []], ['83010203', [1, 2, 3]], ['8301820203820405', [1, [2, 3], [4, 5]]],
    ['98190102030405060708090a0b0c0d0e0f101112131415161718181819', Array.from({ length: 25 }, (_, i) => i + 1)],
  ];
  for (const [h, want] of cases) assert.deepEqual(V.cborDecode(hex(h)), want, h);
  assert.deepEqual(V.cborDecode(hex('40')), new Uint8Array(0));
  assert.deepEqual(V.cborDecode(hex('4401020304')), hex('01020304'));
  assert.deepEqual(V.cborDecode(hex('a0')), new Map());
  assert.deepEqual(V.cborDecode(hex('a201020304')), new Map([[1, 2], [3, 4]]));
  assert.deepEqual(V.cborDecode(hex('a26161016162820203')), new Map([['a', 1], ['b', [2, 3]]]));
  assert.deepEqual(V.cborDecode(hex('826161a161626163')), ['a', new Map([['b', 'c']])]);
  const tagged = V.cborDecode(hex('c11a514b67b0'));
  assert.ok(tagged instanceof V.CborTag);
  assert.equal(tagged.tag, 1);
  assert.equal(tagged.value, 1363896240);
  const cose = V.cborDecode(hex('d2 84 43a10126 a0 4161 5840' + '00'.repeat(64)));
  assert.equal(cose.tag, 18);
  assert.equal(cose.value.length, 4);
});

test('CBOR: refuses what is outside the subset, truncated, trailing or malformed', () => {
  const bad = {
    float: 'f90000', false: 'f4', true: 'f5', null: 'f6', undefined: 'f7', simple: 'f820',
    'indefinite bytes': '5f42010243030405ff', 'indefinite array': '9f018202039f0405ffff',
    'indefinite map': 'bf61610161629f0203ffff', 'reserved info': '1c', 'trailing byte': '0000',
    'truncated uint': '19e8', 'truncated text': '6449455', 'truncated array': '830102',
    'duplicate key': 'a201020103', 'bytes as key': 'a1410102', 'array as key': 'a1800102',
    'bad utf-8': '62c328', 'huge length': '5bffffffffffffffff', 'absurd array': '9a7fffffff',
    empty: '',
  };
  for (const [name, h] of Object.entries(bad)) {
    assert.throws(() => V.cborDecode(hex(h.length % 2 ? h + '0' : h)), V.FormatError, name);
  }
  const deep = hex('81'.repeat(100) + '00');
  assert.throws(() => V.cborDecode(deep), V.FormatError, 'nesting');
  // every proper prefix of a valid item is refused
  const whole = hex('a26161016162820203');
  for (let i = 0; i < whole.length; i++) assert.throws(() => V.cborDecode(whole.subarray(0, i)), V.FormatError);
});

test('CBOR: encode and decode round trip; the Sig_structure is byte-exact', () => {
  const values = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER, -1, -24, -25, -65537,
    '', 'Signature1', 'ñandú', new Uint8Array([1, 2, 3]), [], [1, 'a', [new Uint8Array(0)]],
    new Map([[1, -7], [4, new Uint8Array(8)], [16, 'application/statuslist+cwt']]), new V.CborTag(18, [1])];
  for (const v of values) assert.deepEqual(V.cborDecode(V.cborEncode(v)), v);
  assert.equal(toHex(V.cborEncode(['Signature1', hex('a10126'), new Uint8Array(0), hex('aa')])),
    '846a5369676e61747572653143a101264041aa');
});

test('statusAt: bit i % 8 of byte i / 8, least significant first; 2-bit lists too', () => {
  const list = Uint8Array.of(0b00000001, 0b10000000);
  assert.equal(V.statusAt(list, 1, 0), 1);
  assert.equal(V.statusAt(list, 1, 1), 0);
  assert.equal(V.statusAt(list, 1, 15), 1);
  assert.equal(V.statusAt(list, 1, 16), null);
  assert.equal(V.statusAt(Uint8Array.of(0b11100100), 2, 0), 0);
  assert.equal(V.statusAt(Uint8Array.of(0b11100100), 2, 1), 1);
  assert.equal(V.statusAt(Uint8Array.of(0b11100100), 2, 3), 3);
});

test('card number grouping, language choice', () => {
  assert.equal(V.groupCardNumber('471603928851'), '4716 0392 8851');
  assert.equal(V.pickLanguage(['es-MX', 'en']), 'es');
  assert.equal(V.pickLanguage(['fr-FR', 'ar-EG']), 'fr');
  assert.equal(V.pickLanguage(['de-DE', 'ar-EG']), 'ar');
  assert.equal(V.pickLanguage(['de-DE', 'pl']), 'pl');
  assert.equal(V.pickLanguage(['ur-PK']), 'ur');
  assert.equal(V.pickLanguage(['de']), 'en');
  assert.equal(V.pickLanguage([]), 'en');
  assert.equal(V.pickLanguage(undefined), 'en');
  assert.equal(V.pickLanguage(['constructor', 'toString']), 'en');
  // Chinese: a block's own tag first, in any case; else by script, then by region
  assert.equal(V.pickLanguage(['zh-Hant']), 'zh-Hant');
  assert.equal(V.pickLanguage(['ZH-HANS']), 'zh-Hans');
  assert.equal(V.pickLanguage(['zh-Hant-TW']), 'zh-Hant');
  assert.equal(V.pickLanguage(['zh-Hant-HK']), 'zh-Hant');
  assert.equal(V.pickLanguage(['zh-Hans-HK']), 'zh-Hans');
  assert.equal(V.pickLanguage(['zh-TW']), 'zh-Hant');
  assert.equal(V.pickLanguage(['zh-HK']), 'zh-Hant');
  assert.equal(V.pickLanguage(['zh-MO']), 'zh-Hant');
  assert.equal(V.pickLanguage(['zh-CN']), 'zh-Hans');
  assert.equal(V.pickLanguage(['zh-SG']), 'zh-Hans');
  assert.equal(V.pickLanguage(['zh']), 'zh-Hans');
  assert.equal(V.pickLanguage(['de', 'zh-TW', 'en']), 'zh-Hant');
  // every language the staff pages speak, by its own tag and with a region
  for (const code of ['en', 'es', 'zh-Hans', 'zh-Hant', 'ru', 'bn', 'ht', 'ko', 'ar', 'ur', 'fr', 'pl']) {
    assert.equal(V.pickLanguage([code]), code);
    assert.equal(V.pickLanguage([code.toLowerCase() + '-XX']), code);
  }
});

test('strings: the twelve languages, each block with exactly the keys of English', () => {
  assert.deepEqual(Object.keys(V.STRINGS).sort(),
    ['ar', 'bn', 'en', 'es', 'fr', 'ht', 'ko', 'pl', 'ru', 'ur', 'zh-Hans', 'zh-Hant']);
  const keys = Object.keys(V.STRINGS.en).sort();
  const placeholders = (text) => (text.match(/\{[a-z_]+\}/g) || []).sort();
  for (const [lang, strings] of Object.entries(V.STRINGS)) {
    assert.deepEqual(Object.keys(strings).sort(), keys, lang);
    for (const key of keys) {
      assert.equal(typeof strings[key], 'string', `${lang}.${key}`);
      assert.ok(strings[key].trim(), `${lang}.${key} is empty`);
      // {time} and {age} exactly where English has them, once each, and no other placeholder
      assert.deepEqual(placeholders(strings[key]), placeholders(V.STRINGS.en[key]), `${lang}.${key}`);
    }
    assert.equal(strings.dir, ['ar', 'ur'].includes(lang) ? 'rtl' : 'ltr', `${lang}.dir`);
    if (lang !== 'en') assert.notEqual(strings.lang_name, 'English', `${lang} names itself`);
  }
  assert.deepEqual(placeholders(V.STRINGS.en.list_checked), ['{age}', '{time}']);
  assert.deepEqual(placeholders(V.STRINGS.en.list_offline), ['{age}', '{time}']);
});

test('strings: the languages of the staff pages (locales/*.ftl), with their own names and direction', () => {
  const localesDir = join(PAGE_DIR, '..', '..', 'locales');
  const tags = readdirSync(localesDir).filter((f) => f.endsWith('.ftl')).map((f) => f.slice(0, -4)).sort();
  assert.deepEqual(Object.keys(V.STRINGS).sort(), tags);
  for (const tag of tags) {
    const ftl = readFileSync(join(localesDir, tag + '.ftl'), 'utf8');
    const message = (id) => (ftl.match(new RegExp('^' + id + ' = (.*)$', 'm')) || [])[1];
    assert.equal(V.STRINGS[tag].lang_name, message('language-name'), tag);
    assert.equal(V.STRINGS[tag].dir, message('language-dir'), tag);
  }
});

// ----- checkCard with the vectors, in Node: fake fetch and storage ------------------------

const BASE = 'http://localhost:8080';
const vectors = makeVectors(BASE);
const files = {
  [BASE + '/.well-known/jwks.json']: readFileSync(join(vectors.dir, 'jwks.json')),
  [BASE + '/status/1']: readFileSync(join(vectors.dir, 'status-1.cwt')),
};

function fakeEnv({ offline = false, now = () => Date.now(), storage = new Map() } = {}) {
  const requests = [];
  const store = {
    getItem: (k) => (storage.has(k) ? storage.get(k) : null),
    setItem: (k, v) => storage.set(k, String(v)),
  };
  const env = {
    storage: store,
    subtle: webcrypto.subtle,
    location: { origin: BASE, pathname: '/V', href: BASE + '/V' },
    nowMs: now,
    fetch: async (url, options) => {
      requests.push({ url, options });
      if (env.offline) throw new TypeError('Failed to fetch');
      const body = files[url];
      if (!body) return new Response('not found', { status: 404 });
      return new Response(body, { status: 200 });
    },
    offline,
  };
  return { env, requests, storage };
}

const check = (input, env) => V.checkCard(input, V.makeDeps(env));

test('checkCard: every vector gives the expected verdict, for the expected reason', async () => {
  const reasons = {
    valid: 'ok', 'valid-retired-key': 'ok', revoked: 'revoked', expired: 'expired', 'unknown-key': 'unknown-key',
    'forged-with-known-kid': 'signature', 'altered-card-number': 'signature', 'altered-signature': 'signature',
    truncated: 'unreadable', unreadable: 'unreadable', 'empty-looking': 'unreadable', 'wrong-issuer': 'issuer',
    'iat-in-future': 'issued-in-future', 'foreign-status-uri': 'status-uri', 'index-out-of-range': 'index-out-of-range',
  };
  for (const v of vectors.vectors) {
    for (const input of [v.token, v.qr_text, v.token.toLowerCase(), '#' + v.token]) {
      const { env, requests } = fakeEnv();
      const result = await check(input, env);
      assert.equal(result.verdict, v.expect, `${v.name}: ${JSON.stringify(result)}`);
      assert.equal(result.reason, reasons[v.name], v.name);
      for (const r of requests) {
        assert.ok(!r.url.includes(v.token) && !r.url.toLowerCase().includes(v.token.toLowerCase()), 'token in a request');
        assert.ok([BASE + '/.well-known/jwks.json', BASE + '/status/1'].includes(r.url), r.url);
        assert.equal(r.options.method, 'GET');
        assert.equal(r.options.credentials, 'omit');
      }
    }
  }
  const valid = await check(vectors.byName.valid.token, fakeEnv().env);
  assert.equal(valid.card.number, vectors.byName.valid.card_number);
  assert.equal(valid.card.exp, vectors.byName.valid.exp);
});

test('checkCard: no single changed byte of a valid token is valid', async () => {
  const bytes = V.base32Decode(vectors.byName.valid.token);
  const { env } = fakeEnv();
  for (let i = 0; i < bytes.length; i++) {
    const changed = bytes.slice();
    changed[i] ^= 1 << (i % 8);
    const result = await check(V.base32Encode(changed), env);
    assert.notEqual(result.verdict, 'valid', `byte ${i}`);
  }
});

test('checkCard: offline after a first check uses the cached keys and list, and says so', async () => {
  let now = Date.now();
  const storage = new Map();
  const first = fakeEnv({ storage, now: () => now });
  assert.equal((await check(vectors.byName.valid.token, first.env)).verdict, 'valid');
  assert.equal(first.requests.length, 2);

  // within the list's ttl (3600 s): nothing downloaded
  const cached = fakeEnv({ storage, now: () => now });
  const again = await check(vectors.byName.valid.token, cached.env);
  assert.equal(again.verdict, 'valid');
  assert.equal(again.list.source, 'cache');
  assert.equal(cached.requests.length, 0);
  assert.equal((await check(vectors.byName.revoked.token, cached.env)).verdict, 'not-valid');

  // past the ttl and offline: the saved copy, marked offline
  now += 2 * 3600 * 1000;
  const offline = fakeEnv({ storage, now: () => now, offline: true });
  const off = await check(vectors.byName.valid.token, offline.env);
  assert.equal(off.verdict, 'valid');
  assert.equal(off.list.source, 'offline');
  assert.ok(offline.requests.some((r) => r.url.endsWith('/status/1')), 'tried to refresh the list');
  assert.equal((await check(vectors.byName.revoked.token, offline.env)).verdict, 'not-valid');
  assert.equal((await check(vectors.byName['unknown-key'].token, offline.env)).verdict, 'not-valid');

  // past the ttl and online: downloaded again
  const online = fakeEnv({ storage, now: () => now });
  const on = await check(vectors.byName.valid.token, online.env);
  assert.equal(on.list.source, 'network');
});

test('checkCard: nothing cached and offline is "cannot check", not a verdict', async () => {
  const { env } = fakeEnv({ offline: true });
  assert.equal((await check(vectors.byName.valid.token, env)).verdict, 'unknown');
  assert.equal((await check(vectors.byName.unreadable.token, env)).verdict, 'not-valid');
});

test('checkCard: without WebCrypto (plain http) it cannot check, rather than call cards not valid', async () => {
  const { env } = fakeEnv();
  env.subtle = undefined;
  assert.equal((await check(vectors.byName.valid.token, env)).verdict, 'unknown');
  assert.equal((await check(vectors.byName.unreadable.token, env)).verdict, 'not-valid');
});

test('checkCard: a tampered cached list or key set is not trusted', async () => {
  const storage = new Map();
  const first = fakeEnv({ storage });
  await check(vectors.byName.valid.token, first.env);
  const key = [...storage.keys()].find((k) => k.includes('status:'));
  const saved = JSON.parse(storage.get(key));
  const bytes = V.base64Decode(saved.b64);
  bytes[bytes.length - 3] ^= 1;
  storage.set(key, JSON.stringify({ ...saved, b64: V.base64Encode(bytes) }));
  const offline = fakeEnv({ storage, offline: true });
  assert.equal((await check(vectors.byName.valid.token, offline.env)).verdict, 'unknown');
});
