/*
 * muni-id card verifier (served as /assets/verifier.js).
 *
 * Our own code only: no third-party code, no eval, no inline script or style, so it runs under
 * the page's strict Content-Security-Policy.
 *
 * The card token comes from the address fragment, the camera or the paste field, and is checked
 * on this device. It is never sent anywhere: the only requests are the page, its two assets,
 * /.well-known/jwks.json and the whole status list (the same for every card). Both downloads are
 * kept in localStorage so that a card can be checked offline later.
 *
 * The file is a classic script. In Node (tests) `require()` returns the pure functions below;
 * in a browser it starts the page.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------------------------------
  // Strings. One block per language: adding a language is adding a block (and, for a
  // right-to-left script, `dir: 'rtl'`). `{age}` is filled with a localised relative time.
  // ------------------------------------------------------------------------------------------
  const STRINGS = {
    en: {
      lang_name: 'English',
      dir: 'ltr',
      service: 'Municipal ID',
      title: 'Card check',
      language: 'Language',
      idle: 'Scan the QR code on the back of the card, or paste its code below.',
      checking: 'Checking…',
      valid: 'VALID',
      not_valid: 'NOT VALID',
      unknown: 'CANNOT CHECK',
      valid_detail: 'Compare the card number and expiry date with the printed card.',
      not_valid_detail: 'This card is not valid.',
      expired_detail: 'This card has expired.',
      unknown_detail: 'This card could not be checked right now. Connect to the internet and try again.',
      card_number: 'Card number',
      expires: 'Expires',
      expired: 'Expired',
      list_checked: 'Checked at {time}. Revocation list updated {age}.',
      list_offline: 'Checked at {time}. Offline: used the saved revocation list, updated {age}.',
      just_now: 'just now',
      list_stale: 'It is out of date: connect to the internet to update it.',
      check_heading: 'Check a card',
      scan: 'Scan a card',
      stop_scan: 'Stop camera',
      scan_hint: 'Point the camera at the QR code on the card.',
      camera_error: 'The camera could not be started. Paste the code instead.',
      paste_label: 'Card code or link',
      paste_hint: 'Paste the code from the card’s QR code, or the whole link.',
      check: 'Check',
      empty_input: 'Type or paste a card code first.',
      privacy: 'The check happens on this device. The card’s code is never sent anywhere: this page downloads only the city’s public keys and its whole revocation list, the same for every card.',
    },
    es: {
      lang_name: 'Español',
      dir: 'ltr',
      service: 'Identificación municipal',
      title: 'Verificación de tarjeta',
      language: 'Idioma',
      idle: 'Escanee el código QR del reverso de la tarjeta o pegue su código abajo.',
      checking: 'Verificando…',
      valid: 'VÁLIDA',
      not_valid: 'NO VÁLIDA',
      unknown: 'NO SE PUDO VERIFICAR',
      valid_detail: 'Compare el número y la fecha de vencimiento con la tarjeta impresa.',
      not_valid_detail: 'Esta tarjeta no es válida.',
      expired_detail: 'Esta tarjeta está vencida.',
      unknown_detail: 'No se pudo verificar la tarjeta en este momento. Conéctese a internet e inténtelo de nuevo.',
      card_number: 'Número de tarjeta',
      expires: 'Vence',
      expired: 'Venció',
      list_checked: 'Verificada a las {time}. Lista de revocación actualizada {age}.',
      list_offline: 'Verificada a las {time}. Sin conexión: se usó la lista de revocación guardada, actualizada {age}.',
      just_now: 'hace un momento',
      list_stale: 'Está desactualizada: conéctese a internet para actualizarla.',
      check_heading: 'Verificar una tarjeta',
      scan: 'Escanear una tarjeta',
      stop_scan: 'Detener la cámara',
      scan_hint: 'Apunte la cámara al código QR de la tarjeta.',
      camera_error: 'No se pudo iniciar la cámara. Pegue el código en su lugar.',
      paste_label: 'Código o enlace de la tarjeta',
      paste_hint: 'Pegue el código del QR de la tarjeta o el enlace completo.',
      check: 'Verificar',
      empty_input: 'Primero escriba o pegue el código de una tarjeta.',
      privacy: 'La verificación se hace en este dispositivo. El código de la tarjeta nunca se envía a ningún lugar: esta página solo descarga las claves públicas de la ciudad y su lista de revocación completa, la misma para todas las tarjetas.',
    },
    ar: {
      lang_name: 'العربية',
      dir: 'rtl',
      service: 'بطاقة الهوية البلدية',
      title: 'التحقق من البطاقة',
      language: 'اللغة',
      idle: 'امسح رمز QR الموجود على ظهر البطاقة، أو الصق رمزها أدناه.',
      checking: 'جارٍ التحقق…',
      valid: 'صالحة',
      not_valid: 'غير صالحة',
      unknown: 'تعذّر التحقق',
      valid_detail: 'قارن رقم البطاقة وتاريخ انتهائها بالبطاقة المطبوعة.',
      not_valid_detail: 'هذه البطاقة غير صالحة.',
      expired_detail: 'انتهت صلاحية هذه البطاقة.',
      unknown_detail: 'تعذّر التحقق من هذه البطاقة الآن. اتصل بالإنترنت وحاول مرة أخرى.',
      card_number: 'رقم البطاقة',
      expires: 'تنتهي في',
      expired: 'انتهت في',
      list_checked: 'تم التحقق في {time}. تم تحديث قائمة الإلغاء {age}.',
      list_offline: 'تم التحقق في {time}. بدون اتصال: استُخدمت قائمة الإلغاء المحفوظة، المحدّثة {age}.',
      just_now: 'قبل لحظات',
      list_stale: 'القائمة قديمة: اتصل بالإنترنت لتحديثها.',
      check_heading: 'التحقق من بطاقة',
      scan: 'مسح بطاقة',
      stop_scan: 'إيقاف الكاميرا',
      scan_hint: 'وجّه الكاميرا نحو رمز QR على البطاقة.',
      camera_error: 'تعذّر تشغيل الكاميرا. الصق الرمز بدلاً من ذلك.',
      paste_label: 'رمز البطاقة أو رابطها',
      paste_hint: 'الصق الرمز من رمز QR على البطاقة، أو الرابط كاملاً.',
      check: 'تحقّق',
      empty_input: 'أدخل رمز بطاقة أو الصقه أولاً.',
      privacy: 'يتم التحقق على هذا الجهاز. لا يُرسل رمز البطاقة إلى أي مكان: تنزّل هذه الصفحة فقط المفاتيح العامة للمدينة وقائمة الإلغاء كاملة، وهي نفسها لكل البطاقات.',
    },
  };

  /** The first of `preferred` (BCP 47 tags, best first) we have strings for, else English. */
  function pickLanguage(preferred) {
    for (const tag of preferred || []) {
      const primary = String(tag).toLowerCase().split('-')[0];
      if (Object.prototype.hasOwnProperty.call(STRINGS, primary)) return primary;
    }
    return 'en';
  }

  // ------------------------------------------------------------------------------------------
  // Limits and constants
  // ------------------------------------------------------------------------------------------
  const CLOCK_SKEW_S = 300; // iat may be at most this far in the future
  const JWKS_PATH = '/.well-known/jwks.json';
  const JWKS_REFRESH_MS = 24 * 3600 * 1000; // refresh cached keys at most daily when online
  const STATUS_LIST_TYP = 'application/statuslist+cwt';
  const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024; // decompressed; far above any real list
  const STORE = 'muni-id.verifier.';

  // ------------------------------------------------------------------------------------------
  // Byte helpers: base32 (RFC 4648), base64 / base64url
  // ------------------------------------------------------------------------------------------
  class FormatError extends Error {}

  const B32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

  /** RFC 4648 base32, either letter case, padding optional; rejects anything non-canonical. */
  function base32Decode(text) {
    const s = String(text).toUpperCase().replace(/=+$/, '');
    if (!/^[A-Z2-7]*$/.test(s)) throw new FormatError('not base32');
    if ([1, 3, 6].includes(s.length % 8)) throw new FormatError('bad base32 length');
    const out = new Uint8Array(Math.floor((s.length * 5) / 8));
    let buffer = 0;
    let bits = 0;
    let j = 0;
    for (const ch of s) {
      buffer = (buffer << 5) | B32_ALPHABET.indexOf(ch);
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[j++] = (buffer >> bits) & 0xff;
        buffer &= (1 << bits) - 1;
      }
    }
    if (buffer !== 0) throw new FormatError('non-zero base32 padding bits');
    return out;
  }

  function base32Encode(bytes) {
    let out = '';
    let buffer = 0;
    let bits = 0;
    for (const b of bytes) {
      buffer = (buffer << 8) | b;
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out += B32_ALPHABET[(buffer >> bits) & 31];
      }
      buffer &= (1 << bits) - 1;
    }
    if (bits > 0) out += B32_ALPHABET[(buffer << (5 - bits)) & 31];
    return out;
  }

  function base64Encode(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function base64Decode(text) {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  function base64urlEncode(bytes) {
    return base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function bytesEqual(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /**
   * The base32 token from what a person or scanner gives us: a bare token, `#token`, or a
   * whole qr_text / address (`HTTP://HOST/V#TOKEN`), in either letter case, spaces ignored.
   */
  function extractToken(input) {
    let s = String(input == null ? '' : input).trim();
    const hash = s.lastIndexOf('#');
    if (hash >= 0) s = s.slice(hash + 1);
    try {
      s = decodeURIComponent(s);
    } catch (e) {
      // leave as is: it will fail base32 decoding if it matters
    }
    return s.replace(/\s+/g, '');
  }

  // ------------------------------------------------------------------------------------------
  // CBOR (RFC 8949), the subset COSE and CWT use here: unsigned and negative integers, byte and
  // text strings, arrays, maps and tags, definite lengths only. Floats, simple values and
  // indefinite lengths are refused, as is anything left over after the top item.
  // Maps become `Map`s whose keys are integers or text; tags become `CborTag`s.
  // ------------------------------------------------------------------------------------------
  class CborTag {
    constructor(tag, value) {
      this.tag = tag;
      this.value = value;
    }
  }

  const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const utf8Encoder = new TextEncoder();

  function cborDecode(bytes, options) {
    const maxDepth = (options && options.maxDepth) || 16;
    if (!(bytes instanceof Uint8Array)) throw new FormatError('CBOR input must be bytes');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let pos = 0;

    function need(n) {
      if (n > bytes.length - pos) throw new FormatError('CBOR truncated');
    }

    function argument(info) {
      if (info < 24) return info;
      let value;
      switch (info) {
        case 24:
          need(1);
          value = bytes[pos];
          pos += 1;
          return value;
        case 25:
          need(2);
          value = view.getUint16(pos);
          pos += 2;
          return value;
        case 26:
          need(4);
          value = view.getUint32(pos);
          pos += 4;
          return value;
        case 27: {
          need(8);
          const big = (BigInt(view.getUint32(pos)) << 32n) | BigInt(view.getUint32(pos + 4));
          pos += 8;
          return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
        }
        default:
          throw new FormatError('CBOR indefinite length or reserved value');
      }
    }

    function length(arg) {
      if (typeof arg !== 'number') throw new FormatError('CBOR length too large');
      return arg;
    }

    function item(depth) {
      if (depth > maxDepth) throw new FormatError('CBOR nested too deeply');
      need(1);
      const initial = bytes[pos++];
      const major = initial >> 5;
      const arg = argument(initial & 31);
      switch (major) {
        case 0:
          return arg;
        case 1:
          return typeof arg === 'number' && arg < Number.MAX_SAFE_INTEGER ? -1 - arg : -1n - BigInt(arg);
        case 2: {
          const n = length(arg);
          need(n);
          const out = bytes.slice(pos, pos + n);
          pos += n;
          return out;
        }
        case 3: {
          const n = length(arg);
          need(n);
          let text;
          try {
            text = utf8Decoder.decode(bytes.subarray(pos, pos + n));
          } catch (e) {
            throw new FormatError('CBOR text is not UTF-8');
          }
          pos += n;
          return text;
        }
        case 4: {
          const n = length(arg);
          need(n); // every item takes at least one byte: refuses absurd lengths early
          const out = [];
          for (let i = 0; i < n; i++) out.push(item(depth + 1));
          return out;
        }
        case 5: {
          const n = length(arg);
          need(n * 2);
          const out = new Map();
          for (let i = 0; i < n; i++) {
            const key = item(depth + 1);
            if (!(typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key)))) {
              throw new FormatError('CBOR map key must be an integer or text');
            }
            if (out.has(key)) throw new FormatError('CBOR duplicate map key');
            out.set(key, item(depth + 1));
          }
          return out;
        }
        case 6:
          return new CborTag(arg, item(depth + 1));
        default:
          throw new FormatError('CBOR simple values and floats are not supported');
      }
    }

    const value = item(0);
    if (pos !== bytes.length) throw new FormatError('CBOR trailing bytes');
    return value;
  }

  /** Encodes the same subset (integers within ±2^53, text, bytes, arrays, Maps, tags). */
  function cborEncode(value) {
    const parts = [];
    let size = 0;
    function push(bytes) {
      parts.push(bytes);
      size += bytes.length;
    }
    function head(major, n) {
      if (!Number.isSafeInteger(n) || n < 0) throw new FormatError('CBOR encode: bad argument');
      const m = major << 5;
      if (n < 24) push(Uint8Array.of(m | n));
      else if (n < 0x100) push(Uint8Array.of(m | 24, n));
      else if (n < 0x10000) push(Uint8Array.of(m | 25, n >> 8, n & 0xff));
      else if (n < 0x100000000) push(Uint8Array.of(m | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff));
      else {
        const hi = Math.floor(n / 0x100000000);
        const lo = n >>> 0;
        push(Uint8Array.of(m | 27, hi >>> 24, (hi >> 16) & 0xff, (hi >> 8) & 0xff, hi & 0xff, lo >>> 24, (lo >> 16) & 0xff, (lo >> 8) & 0xff, lo & 0xff));
      }
    }
    function enc(v) {
      if (typeof v === 'number') {
        if (!Number.isSafeInteger(v)) throw new FormatError('CBOR encode: only integers');
        if (v >= 0) head(0, v);
        else head(1, -1 - v);
      } else if (typeof v === 'string') {
        const b = utf8Encoder.encode(v);
        head(3, b.length);
        push(b);
      } else if (v instanceof Uint8Array) {
        head(2, v.length);
        push(v);
      } else if (Array.isArray(v)) {
        head(4, v.length);
        v.forEach(enc);
      } else if (v instanceof Map) {
        head(5, v.size);
        for (const [k, val] of v) {
          enc(k);
          enc(val);
        }
      } else if (v instanceof CborTag) {
        head(6, v.tag);
        enc(v.value);
      } else {
        throw new FormatError('CBOR encode: unsupported value');
      }
    }
    enc(value);
    const out = new Uint8Array(size);
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // COSE_Sign1 (RFC 9052) with ES256, and the CWT claims (RFC 8392) of a card and a status list
  // ------------------------------------------------------------------------------------------
  const COSE_SIGN1_TAG = 18;
  const ALG_ES256 = -7;

  function isBytes(v) {
    return v instanceof Uint8Array;
  }

  /** Parses a tagged COSE_Sign1; checks the shape and the protected header (alg ES256, kid). */
  function parseCoseSign1(bytes) {
    const top = cborDecode(bytes);
    if (!(top instanceof CborTag) || top.tag !== COSE_SIGN1_TAG) throw new FormatError('not a COSE_Sign1');
    const parts = top.value;
    if (!Array.isArray(parts) || parts.length !== 4) throw new FormatError('COSE_Sign1 must have 4 parts');
    const [protectedBytes, unprotected, payload, signature] = parts;
    if (!isBytes(protectedBytes) || !(unprotected instanceof Map) || !isBytes(payload) || !isBytes(signature)) {
      throw new FormatError('COSE_Sign1 parts have the wrong types');
    }
    if (signature.length !== 64) throw new FormatError('ES256 signature must be 64 bytes');
    const header = protectedBytes.length ? cborDecode(protectedBytes) : new Map();
    if (!(header instanceof Map)) throw new FormatError('protected header must be a map');
    if (header.get(1) !== ALG_ES256) throw new FormatError('alg must be ES256');
    if (header.has(2)) throw new FormatError('critical headers are not supported');
    const kid = header.get(4);
    if (!isBytes(kid) || kid.length === 0) throw new FormatError('kid missing');
    return { protectedBytes, header, payload, signature, kid };
  }

  function sigStructure(cose) {
    return cborEncode(['Signature1', cose.protectedBytes, new Uint8Array(0), cose.payload]);
  }

  async function importJwk(subtle, jwk) {
    return subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
  }

  /** True when `cose` is signed by the P-256 public key `jwk`. Never throws. */
  async function verifyCoseSign1(subtle, cose, jwk) {
    try {
      const key = await importJwk(subtle, jwk);
      return await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, cose.signature, sigStructure(cose));
    } catch (e) {
      return false;
    }
  }

  /** The key in a JWKS document whose kid matches `kidBytes`, or null. */
  function findJwk(jwks, kidBytes) {
    if (!jwks || !Array.isArray(jwks.keys)) return null;
    const kid = base64urlEncode(kidBytes);
    for (const k of jwks.keys) {
      if (!k || typeof k !== 'object' || typeof k.kid !== 'string') continue;
      if (k.kid.replace(/=+$/, '') !== kid) continue;
      if (k.kty !== 'EC' || k.crv !== 'P-256' || typeof k.x !== 'string' || typeof k.y !== 'string') continue;
      if (k.alg !== undefined && k.alg !== 'ES256') continue;
      if (k.use !== undefined && k.use !== 'sig') continue;
      return k;
    }
    return null;
  }

  function safeInt(v) {
    return typeof v === 'number' && Number.isSafeInteger(v);
  }

  /** The claims of a card token's payload, or a FormatError. */
  function parseCardClaims(payload) {
    const m = cborDecode(payload);
    if (!(m instanceof Map)) throw new FormatError('claims must be a map');
    const iss = m.get(1);
    const sub = m.get(2);
    const exp = m.get(4);
    const iat = m.get(6);
    const status = m.get(65535);
    if (typeof iss !== 'string' || iss === '') throw new FormatError('iss');
    if (typeof sub !== 'string' || !/^[0-9]{1,32}$/.test(sub)) throw new FormatError('sub');
    if (!safeInt(exp) || !safeInt(iat)) throw new FormatError('iat/exp');
    const ref = status instanceof Map ? status.get('status_list') : null;
    if (!(ref instanceof Map)) throw new FormatError('status');
    const idx = ref.get('idx');
    const uri = ref.get('uri');
    if (!safeInt(idx) || idx < 0 || typeof uri !== 'string') throw new FormatError('status_list');
    return { iss, sub, iat, exp, idx, uri };
  }

  /** The claims of a status list token's payload, or a FormatError. */
  function parseStatusListClaims(payload) {
    const m = cborDecode(payload);
    if (!(m instanceof Map)) throw new FormatError('claims must be a map');
    const sub = m.get(2);
    const iat = m.get(6);
    const exp = m.get(4);
    const ttl = m.get(65534);
    const list = m.get(65533);
    if (typeof sub !== 'string' || !safeInt(iat) || !safeInt(exp)) throw new FormatError('status list claims');
    if (ttl !== undefined && (!safeInt(ttl) || ttl < 0)) throw new FormatError('ttl');
    if (!(list instanceof Map)) throw new FormatError('status_list');
    const bits = list.get('bits');
    const lst = list.get('lst');
    if (![1, 2, 4, 8].includes(bits) || !isBytes(lst)) throw new FormatError('status_list bits/lst');
    return { sub, iat, exp, ttl: ttl === undefined ? null : ttl, bits, lst };
  }

  /** Inflates ZLIB (RFC 1950) data with the platform's DecompressionStream, within a size cap. */
  async function inflateZlib(bytes, maxBytes) {
    const stream = new DecompressionStream('deflate');
    const writer = stream.writable.getWriter();
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    const reader = stream.readable.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        throw new FormatError('status list too large');
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }

  /** The status value of entry `idx` (0 = valid), or null when the list is too short. */
  function statusAt(statuses, bits, idx) {
    const perByte = 8 / bits;
    const byte = Math.floor(idx / perByte);
    if (byte >= statuses.length) return null;
    const shift = (idx % perByte) * bits;
    return (statuses[byte] >> shift) & ((1 << bits) - 1);
  }

  /**
   * Checks a status list token fetched from `uri`: COSE_Sign1 with typ statuslist+cwt, signed by
   * a published key, `sub` equal to `uri`. Returns the claims with the decompressed statuses.
   */
  async function openStatusList(bytes, uri, deps) {
    const cose = parseCoseSign1(bytes);
    const typ = cose.header.get(16);
    if (typ !== STATUS_LIST_TYP) throw new FormatError('status list typ');
    const found = await deps.findKey(cose.kid);
    if (!found.jwk) throw new FormatError('status list key unknown');
    if (!(await verifyCoseSign1(deps.subtle, cose, found.jwk))) throw new FormatError('status list signature');
    const claims = parseStatusListClaims(cose.payload);
    if (claims.sub !== uri) throw new FormatError('status list sub');
    const statuses = await inflateZlib(claims.lst, MAX_STATUS_LIST_BYTES);
    return { iat: claims.iat, exp: claims.exp, ttl: claims.ttl, bits: claims.bits, statuses };
  }

  /** Issuer check: `iss` is this page's origin (or base, when the site lives under a path). */
  function issuerMatches(iss, location) {
    const norm = (s) => String(s).toLowerCase().replace(/\/+$/, '');
    const want = norm(iss);
    const origin = norm(location.origin);
    const base = norm(location.origin + location.pathname.replace(/\/[^/]*$/, ''));
    return want === origin || want === base;
  }

  function sameOrigin(uri, location) {
    try {
      const u = new URL(uri, location.href);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === location.origin;
    } catch (e) {
      return false;
    }
  }

  /**
   * Checks a card. `input` is a token, `#token` or a whole qr_text. `deps`:
   *   subtle            crypto.subtle
   *   location          {origin, pathname, href} of the page
   *   nowMs()           the time
   *   findKey(kid)      → {jwk, authoritative}: jwk null when not found; authoritative when a
   *                     fresh key set was consulted (so an unknown kid really is unknown)
   *   loadStatusList(uri) → {iat, exp, bits, statuses, fetchedAt, source} or null (unavailable)
   * Returns {verdict: 'valid' | 'not-valid' | 'unknown', reason, card?, list?}. `reason` is for
   * tests and never shown, except that 'expired' may be.
   */
  async function checkCard(input, deps) {
    let cose;
    let claims;
    try {
      cose = parseCoseSign1(base32Decode(extractToken(input)));
      claims = parseCardClaims(cose.payload);
    } catch (e) {
      return { verdict: 'not-valid', reason: 'unreadable' };
    }
    // Without WebCrypto (a page opened over plain http, or a very old browser) nothing can be
    // verified: that is "cannot check", not a verdict on the card.
    if (!deps.subtle || typeof deps.subtle.verify !== 'function') return { verdict: 'unknown', reason: 'no-webcrypto' };
    const found = await deps.findKey(cose.kid);
    if (!found.jwk) {
      return found.authoritative
        ? { verdict: 'not-valid', reason: 'unknown-key' }
        : { verdict: 'unknown', reason: 'no-keys' };
    }
    if (!(await verifyCoseSign1(deps.subtle, cose, found.jwk))) return { verdict: 'not-valid', reason: 'signature' };
    if (!issuerMatches(claims.iss, deps.location)) return { verdict: 'not-valid', reason: 'issuer' };
    const now = Math.floor(deps.nowMs() / 1000);
    if (claims.iat > now + CLOCK_SKEW_S) return { verdict: 'not-valid', reason: 'issued-in-future' };
    const card = { number: claims.sub, exp: claims.exp, iat: claims.iat };
    if (now >= claims.exp) return { verdict: 'not-valid', reason: 'expired', card };
    if (!sameOrigin(claims.uri, deps.location)) return { verdict: 'not-valid', reason: 'status-uri' };
    const list = await deps.loadStatusList(claims.uri);
    if (!list) return { verdict: 'unknown', reason: 'no-status-list' };
    const listInfo = { iat: list.iat, exp: list.exp, fetchedAt: list.fetchedAt, source: list.source };
    const status = statusAt(list.statuses, list.bits, claims.idx);
    if (status === null) return { verdict: 'not-valid', reason: 'index-out-of-range', list: listInfo };
    if (status !== 0) return { verdict: 'not-valid', reason: 'revoked', list: listInfo };
    return { verdict: 'valid', reason: 'ok', card, list: listInfo };
  }

  // ------------------------------------------------------------------------------------------
  // Downloads and the offline cache (localStorage). Only ever GETs of the JWKS and of a whole
  // status list, without credentials or referrer.
  // ------------------------------------------------------------------------------------------
  function readStored(storage, key) {
    try {
      const raw = storage.getItem(STORE + key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function writeStored(storage, key, value) {
    try {
      storage.setItem(STORE + key, JSON.stringify(value));
    } catch (e) {
      // storage full or disabled: the check still works online
    }
  }

  const FETCH_OPTIONS = { method: 'GET', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'error' };

  /**
   * The dependencies of checkCard for a page: keys and status lists from the network, cached in
   * `storage` for offline use. One instance per check (it remembers one JWKS download).
   */
  function makeDeps(env) {
    const { fetch, storage, subtle, location, nowMs } = env;
    let jwksDownload = null; // one download per check at most

    function downloadJwks() {
      if (!jwksDownload) {
        jwksDownload = (async () => {
          try {
            const response = await fetch(new URL(JWKS_PATH, location.origin).href, FETCH_OPTIONS);
            if (!response.ok) return null;
            const jwks = await response.json();
            if (!jwks || !Array.isArray(jwks.keys)) return null;
            writeStored(storage, 'jwks', { fetchedAt: nowMs(), jwks });
            return jwks;
          } catch (e) {
            return null;
          }
        })();
      }
      return jwksDownload;
    }

    async function findKey(kidBytes) {
      // A key set saved less than JWKS_REFRESH_MS ago is trusted as complete; an older one is
      // refreshed when possible. A kid missing from a complete set is unknown: not valid.
      const cached = readStored(storage, 'jwks');
      const cachedJwk = cached ? findJwk(cached.jwks, kidBytes) : null;
      const recent = !!cached && Math.abs(nowMs() - cached.fetchedAt) < JWKS_REFRESH_MS;
      if (cachedJwk && recent) return { jwk: cachedJwk, authoritative: true };
      const fresh = await downloadJwks();
      if (fresh) return { jwk: findJwk(fresh, kidBytes), authoritative: true };
      return { jwk: cachedJwk, authoritative: recent };
    }

    async function loadStatusList(uri) {
      const key = 'status:' + uri;
      const deps = { subtle, findKey };
      const now = nowMs();
      let saved = null;
      const stored = readStored(storage, key);
      if (stored && typeof stored.b64 === 'string') {
        try {
          saved = await openStatusList(base64Decode(stored.b64), uri, deps);
          saved.fetchedAt = stored.fetchedAt;
        } catch (e) {
          saved = null;
        }
      }
      if (saved) {
        const ttlMs = (saved.ttl === null ? 0 : saved.ttl) * 1000;
        if (now < saved.fetchedAt + ttlMs && now < saved.exp * 1000) return Object.assign(saved, { source: 'cache' });
      }
      try {
        const response = await fetch(uri, Object.assign({}, FETCH_OPTIONS, { headers: { Accept: STATUS_LIST_TYP } }));
        if (response.ok) {
          const bytes = new Uint8Array(await response.arrayBuffer());
          const list = await openStatusList(bytes, uri, deps);
          writeStored(storage, key, { fetchedAt: now, b64: base64Encode(bytes) });
          return Object.assign(list, { fetchedAt: now, source: 'network' });
        }
      } catch (e) {
        // offline, or the server sent something we cannot verify: fall back to the saved copy
      }
      return saved ? Object.assign(saved, { source: 'offline' }) : null;
    }

    return { subtle, location, nowMs, findKey, loadStatusList };
  }

  // ------------------------------------------------------------------------------------------
  // Formatting
  // ------------------------------------------------------------------------------------------
  /** "471603928851" → "4716 0392 8851", as printed on the card. */
  function groupCardNumber(number) {
    return String(number).replace(/(\d{4})(?=\d)/g, '$1 ');
  }

  function intlLocale(lang) {
    return lang + '-u-nu-latn'; // Latin digits, as printed on the card
  }

  /** The date of `exp` (seconds), in UTC: the card's expiry is a calendar date. */
  function formatDate(seconds, lang) {
    return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(seconds * 1000));
  }

  function formatTime(ms, lang) {
    return new Intl.DateTimeFormat(intlLocale(lang), { timeStyle: 'short' }).format(new Date(ms));
  }

  function isoDate(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  /** "5 minutes ago", localised; null under a minute (the caller says "just now"). */
  function formatAge(thenMs, nowMs, lang) {
    const rtf = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
    const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
    if (s < 60) return null;
    if (s < 3600) return rtf.format(-Math.max(1, Math.round(s / 60)), 'minute');
    if (s < 48 * 3600) return rtf.format(-Math.round(s / 3600), 'hour');
    return rtf.format(-Math.round(s / 86400), 'day');
  }

  // ------------------------------------------------------------------------------------------
  // The page
  // ------------------------------------------------------------------------------------------
  function startPage() {
    const $ = (id) => document.getElementById(id);
    const el = {
      html: document.documentElement,
      lang: $('lang'),
      result: $('result'),
      verdict: $('verdict'),
      detail: $('detail'),
      card: $('card'),
      cardNumber: $('card-number'),
      expiryLabel: $('expiry-label'),
      expiry: $('expiry'),
      listNote: $('list-note'),
      scanArea: $('scan-area'),
      scan: $('scan'),
      camera: $('camera'),
      video: $('video'),
      stopScan: $('stop-scan'),
      cameraError: $('camera-error'),
      form: $('paste-form'),
      code: $('code'),
      codeError: $('code-error'),
    };

    let lang = 'en';
    let current = { state: 'idle' }; // what is shown, so a language switch can redraw it
    let checkSeq = 0;

    function t(key) {
      return (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
    }

    function setLanguage(next, remember) {
      lang = STRINGS[next] ? next : 'en';
      if (remember) {
        try {
          localStorage.setItem(STORE + 'lang', lang);
        } catch (e) {
          // not remembered; fine
        }
      }
      el.html.lang = lang;
      el.html.dir = STRINGS[lang].dir || 'ltr';
      document.title = t('title') + ' — ' + t('service');
      for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
      el.lang.value = lang;
      render();
    }

    function initialLanguage() {
      let saved = null;
      try {
        saved = localStorage.getItem(STORE + 'lang');
      } catch (e) {
        saved = null;
      }
      if (saved && STRINGS[saved]) return saved;
      return pickLanguage(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
    }

    function render() {
      const r = current;
      el.result.dataset.state = r.state;
      if (r.state !== 'done') delete el.result.dataset.verdict;
      el.card.hidden = true;
      el.listNote.hidden = true;
      if (r.state === 'idle') {
        el.verdict.textContent = '';
        el.detail.textContent = t('idle');
        return;
      }
      if (r.state === 'checking') {
        el.verdict.textContent = t('checking');
        el.detail.textContent = '';
        return;
      }
      const res = r.result;
      el.result.dataset.verdict = res.verdict;
      const expired = res.reason === 'expired';
      if (res.verdict === 'valid') {
        el.verdict.textContent = t('valid');
        el.detail.textContent = t('valid_detail');
      } else if (res.verdict === 'unknown') {
        el.verdict.textContent = t('unknown');
        el.detail.textContent = t('unknown_detail');
      } else {
        el.verdict.textContent = t('not_valid');
        el.detail.textContent = expired ? t('expired_detail') : t('not_valid_detail');
      }
      // Card facts only for a genuine card that is valid or merely expired: a forged token's
      // contents are not shown, and a revoked card says nothing beyond "not valid".
      if (res.card && (res.verdict === 'valid' || expired)) {
        el.cardNumber.textContent = groupCardNumber(res.card.number);
        el.expiryLabel.textContent = expired ? t('expired') : t('expires');
        el.expiry.textContent = formatDate(res.card.exp, lang);
        el.expiry.setAttribute('datetime', isoDate(res.card.exp));
        el.card.hidden = false;
      }
      if (res.verdict === 'valid' && res.list) {
        // The list's age is the time since the server last handed it to us (it was current
        // then), not its iat: a list that has not changed may have been signed long ago.
        const age = formatAge(res.list.fetchedAt, r.at, lang) || t('just_now');
        let note = (res.list.source === 'offline' ? t('list_offline') : t('list_checked'))
          .replace('{time}', formatTime(r.at, lang))
          .replace('{age}', age);
        if (r.at >= res.list.exp * 1000) note += ' ' + t('list_stale');
        el.listNote.textContent = note;
        el.listNote.dataset.source = res.list.source;
        el.listNote.hidden = false;
      }
    }

    /** localStorage, or a page-lifetime stand-in where the browser refuses storage. */
    function pageStorage() {
      try {
        const storage = window.localStorage;
        if (storage) return storage;
      } catch (e) {
        // storage disabled
      }
      const memory = new Map();
      return { getItem: (k) => (memory.has(k) ? memory.get(k) : null), setItem: (k, v) => memory.set(k, String(v)) };
    }
    const storage = pageStorage();

    async function verify(input, fromUser) {
      const seq = ++checkSeq;
      current = { state: 'checking' };
      render();
      let result;
      try {
        result = await checkCard(input, makeDeps({
          fetch: window.fetch.bind(window),
          storage,
          subtle: window.crypto && window.crypto.subtle,
          location: window.location,
          nowMs: () => Date.now(),
        }));
      } catch (e) {
        result = { verdict: 'unknown', reason: 'error' };
      }
      if (seq !== checkSeq) return; // a newer check started meanwhile
      current = { state: 'done', result, at: Date.now() };
      render();
      if (fromUser) el.result.focus();
    }

    /** Takes the token out of the address (and so out of the history), then checks it. */
    function checkFragment() {
      const fragment = location.hash;
      if (!fragment || fragment === '#') return;
      history.replaceState(null, '', location.pathname + location.search);
      verify(fragment, false);
    }

    // Language switch
    for (const code of Object.keys(STRINGS)) {
      if (el.lang.querySelector('option[value="' + code + '"]')) continue;
      const option = document.createElement('option');
      option.value = code;
      option.lang = code;
      option.textContent = STRINGS[code].lang_name;
      el.lang.appendChild(option);
    }
    el.lang.addEventListener('change', () => setLanguage(el.lang.value, true));

    // Paste field
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = el.code.value.trim();
      if (!value) {
        el.codeError.textContent = t('empty_input');
        el.codeError.hidden = false;
        el.code.setAttribute('aria-invalid', 'true');
        el.code.focus();
        return;
      }
      el.codeError.hidden = true;
      el.code.removeAttribute('aria-invalid');
      el.code.value = '';
      verify(value, true);
    });

    // Camera scan, where the browser can detect QR codes
    let scanning = null;

    async function setupScanner() {
      if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
      try {
        const formats = await window.BarcodeDetector.getSupportedFormats();
        if (!formats.includes('qr_code')) return;
      } catch (e) {
        return;
      }
      el.scanArea.hidden = false;
    }

    function stopScan() {
      if (!scanning) return;
      scanning.active = false;
      if (scanning.stream) scanning.stream.getTracks().forEach((track) => track.stop());
      el.video.srcObject = null;
      el.camera.hidden = true;
      el.scan.hidden = false;
      scanning = null;
    }

    async function startScan() {
      el.cameraError.hidden = true;
      const session = { active: true, stream: null };
      scanning = session;
      try {
        session.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        if (!session.active) {
          session.stream.getTracks().forEach((track) => track.stop());
          return;
        }
        el.video.srcObject = session.stream;
        el.camera.hidden = false;
        el.scan.hidden = true;
        el.stopScan.focus();
        await el.video.play().catch(() => {});
      } catch (e) {
        stopScan();
        el.cameraError.textContent = t('camera_error');
        el.cameraError.hidden = false;
        return;
      }
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      const tick = async () => {
        if (!session.active) return;
        try {
          const codes = await detector.detect(el.video);
          const hit = codes.find((c) => c && typeof c.rawValue === 'string' && c.rawValue.trim());
          if (hit && session.active) {
            stopScan();
            el.scan.focus();
            verify(hit.rawValue, true);
            return;
          }
        } catch (e) {
          // the video may not be ready yet
        }
        setTimeout(tick, 200);
      };
      tick();
    }

    el.scan.addEventListener('click', startScan);
    el.stopScan.addEventListener('click', () => {
      stopScan();
      el.scan.focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && scanning) {
        stopScan();
        el.scan.focus();
      }
    });

    window.addEventListener('hashchange', checkFragment);
    setLanguage(initialLanguage(), false);
    setupScanner();
    checkFragment();
  }

  const api = {
    STRINGS,
    pickLanguage,
    FormatError,
    base32Decode,
    base32Encode,
    base64Encode,
    base64Decode,
    base64urlEncode,
    bytesEqual,
    extractToken,
    CborTag,
    cborDecode,
    cborEncode,
    parseCoseSign1,
    sigStructure,
    verifyCoseSign1,
    findJwk,
    parseCardClaims,
    parseStatusListClaims,
    inflateZlib,
    statusAt,
    openStatusList,
    issuerMatches,
    sameOrigin,
    checkCard,
    makeDeps,
    groupCardNumber,
    formatDate,
    formatAge,
  };

  if (typeof module === 'object' && module && module.exports) module.exports = api;
  if (typeof document !== 'undefined' && document.getElementById && document.getElementById('result')) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
    else startPage();
  }
})();
