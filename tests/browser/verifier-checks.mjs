// Browser checks of the verifier page, usable against any server that serves it:
//
//   import { chromium } from 'playwright-core';
//   import { checkVerifierPage, launchChromium } from './verifier-checks.mjs';
//   const browser = await launchChromium();
//   await checkVerifierPage(browser, 'http://localhost:8080', {
//     validQr: '<qr_text of an active card>',
//     validCardNumber: '471603928851',            // optional
//     notValidQrs: ['<qr_text of a revoked card>', ...],
//     expiredQrs: [],                              // optional
//     t,                                           // optional node:test context: one subtest per check
//   });
//
// What it checks: VALID / NOT VALID for each token, in any letter case; the card number and
// expiry shown for a valid card; every request the page makes is the page, its two assets, the
// JWKS or a whole status list, same-origin, GET, without Referer, and never carries the token or
// the card number; the token leaves the address bar; the page works offline after a first visit;
// keyboard use and labels; English, Spanish, Arabic (rtl); a 390×844 phone layout with no
// sideways scrolling and readable contrast; the camera scan path (with a stand-in
// BarcodeDetector); "cannot check" when the keys cannot be had; no CSP violation, no script error.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium through playwright-core (which downloads no browser). */
export async function launchChromium(executablePath = process.env.CHROMIUM || '/usr/bin/chromium') {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1100, height: 900 };
const ALLOWED_PATHS = new Set(['/v', '/V', '/assets/verifier.js', '/assets/verifier.css', '/.well-known/jwks.json']);

/** The token part of a qr_text (or of a bare token). */
export function tokenOf(qr) {
  const i = qr.lastIndexOf('#');
  return i >= 0 ? qr.slice(i + 1) : qr;
}

/** Records requests, console errors, CSP violations and page errors of every page of a context. */
class Watcher {
  constructor() {
    this.requests = []; // {context: label, request}
    this.problems = []; // strings
  }

  async attach(context, label) {
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI);
      });
    });
    // Everything about a request is read when it is made: its context may be closed by the
    // time the requests are checked.
    context.on('request', (request) => this.requests.push({
      label,
      url: request.url(),
      method: request.method(),
      postData: request.postData(),
      resourceType: request.resourceType(),
      headers: request.allHeaders().catch(() => request.headers()),
    }));
    context.on('page', (page) => this.attachPage(page, label));
  }

  attachPage(page, label) {
    page.on('console', (msg) => {
      const text = msg.text();
      const csp = /Content Security Policy|CSP violation|Refused to/i.test(text);
      // A failed fetch while the test has set the context offline is expected; all else is not.
      if (csp || (msg.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(text))) {
        this.problems.push(`[${label}] console ${msg.type()}: ${text}`);
      }
    });
    page.on('pageerror', (err) => this.problems.push(`[${label}] page error: ${err.message}`));
  }
}

async function newContext(browser, watcher, label, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: DESKTOP, ...options });
  await watcher.attach(context, label);
  return context;
}

/** Opens `url` and waits for the verdict. Returns {verdict, verdictText, detail, page}. */
async function openAndRead(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  return { page, ...(await readResult(page)) };
}

async function readResult(page) {
  await page.waitForSelector('#result[data-state="done"]', { timeout: 20_000 });
  return page.evaluate(() => {
    const r = document.getElementById('result');
    const shownIcon = [...r.querySelectorAll('.icon')].filter((i) => getComputedStyle(i).display !== 'none').map((i) => i.getAttribute('class'));
    return {
      verdict: r.dataset.verdict,
      verdictText: document.getElementById('verdict').textContent.trim(),
      detail: document.getElementById('detail').textContent.trim(),
      cardShown: !document.getElementById('card').hidden,
      cardNumber: document.getElementById('card-number').textContent.trim(),
      expiry: document.getElementById('expiry').textContent.trim(),
      expiryIso: document.getElementById('expiry').getAttribute('datetime'),
      expiryLabel: document.getElementById('expiry-label').textContent.trim(),
      note: document.getElementById('list-note').hidden ? '' : document.getElementById('list-note').textContent.trim(),
      icons: shownIcon,
      address: location.href,
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    };
  });
}

/** Marks the shown result stale, so that waiting for "done" waits for the next check. */
async function markStale(page) {
  await page.evaluate(() => { document.getElementById('result').dataset.state = 'stale'; });
}

async function pasteAndCheck(page, text) {
  await markStale(page);
  await page.fill('#code', text);
  await page.press('#code', 'Enter');
  return readResult(page);
}

function parseRgb(css) {
  const m = css.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
  assert.ok(m, 'colour ' + css);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function contrast(a, b) {
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [x, y] = [lum(parseRgb(a)), lum(parseRgb(b))].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function colours(page) {
  return page.evaluate(() => {
    const r = document.getElementById('result');
    const c = (id) => getComputedStyle(document.getElementById(id)).color;
    return { bg: getComputedStyle(r).backgroundColor, verdict: c('verdict'), detail: c('detail'), verdictSize: parseFloat(getComputedStyle(document.getElementById('verdict')).fontSize) };
  });
}

/** Fakes a camera and a BarcodeDetector that "sees" `qr` on its third look. */
function fakeCameraScript(qr) {
  class FakeBarcodeDetector {
    static async getSupportedFormats() {
      return ['qr_code', 'ean_13'];
    }

    async detect() {
      window.__fakeDetectCalls = (window.__fakeDetectCalls || 0) + 1;
      return window.__fakeDetectCalls >= 3 ? [{ format: 'qr_code', rawValue: qr }] : [];
    }
  }
  window.BarcodeDetector = FakeBarcodeDetector;
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      async getUserMedia() {
        const canvas = document.createElement('canvas');
        canvas.width = 320;
        canvas.height = 240;
        const g = canvas.getContext('2d');
        g.fillStyle = '#777';
        g.fillRect(0, 0, 320, 240);
        window.__fakeStream = canvas.captureStream(5);
        return window.__fakeStream;
      },
    },
  });
}

/**
 * Runs every check. `opts.t` (a node:test TestContext) makes each a subtest; without it, checks
 * run in turn and the first failure throws. `opts.serverLog` (optional): requests the server
 * saw ({url, headers, body}), also searched for the token. `opts.requireOfflineNavigation`:
 * fail (rather than note) when the page itself cannot be opened again offline.
 */
export async function checkVerifierPage(browser, baseUrl, opts) {
  const base = baseUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const { validQr, notValidQrs = [], expiredQrs = [], validCardNumber, screenshotDir, serverLog, t } = opts;
  assert.ok(validQr, 'validQr is required');
  const named = (list) => list.map((q, i) => (typeof q === 'string' ? { name: `#${i + 1}`, qr: q } : q));
  const notValid = named(notValidQrs);
  const expired = named(expiredQrs);
  const validToken = tokenOf(validQr);
  const secrets = [validToken, ...notValid.map((v) => tokenOf(v.qr)), ...expired.map((v) => tokenOf(v.qr))]
    .filter((s) => s.length >= 16)
    // the whole token, and a stretch from its payload (the shared header prefix is no secret)
    .flatMap((s) => [s, s.slice(Math.floor(s.length / 3), Math.floor(s.length / 3) + 24)]);
  if (validCardNumber) secrets.push(validCardNumber, validCardNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
  const watcher = new Watcher();
  const contexts = [];
  const shot = async (page, name, fullPage = true) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, name + '.png'), fullPage });
  };
  const ctx = async (label, options) => {
    const c = await newContext(browser, watcher, label, options);
    contexts.push(c);
    return c;
  };

  const failures = [];
  const step = async (name, fn) => {
    if (t) return t.test(name, fn);
    try {
      await fn();
    } catch (e) {
      failures.push(e);
      e.message = `${name}: ${e.message}`;
    }
    return undefined;
  };
  const diag = (msg) => (t ? t.diagnostic(msg) : console.log('# ' + msg));

  try {
    await step('serves the same page at /v and /V with a strict CSP and no-referrer', async () => {
      const c = await ctx('headers');
      const lower = await c.request.get(base + '/v');
      const upper = await c.request.get(base + '/V');
      for (const res of [lower, upper]) {
        assert.equal(res.status(), 200);
        assert.match(res.headers()['content-type'] || '', /^text\/html/);
        const csp = res.headers()['content-security-policy'] || '';
        assert.match(csp, /script-src 'self'/, 'CSP script-src');
        assert.match(csp, /default-src 'none'/, 'CSP default-src');
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, 'CSP must not allow inline code');
      }
      assert.equal(await lower.text(), await upper.text());
      assert.match(await lower.text(), /<meta name="referrer" content="no-referrer">/);
    });

    await step('a valid card shows VALID, its grouped number and expiry, and leaves the address bar', async () => {
      const c = await ctx('valid');
      const r = await openAndRead(c, validQr);
      assert.equal(r.verdict, 'valid', JSON.stringify(r));
      assert.equal(r.verdictText, 'VALID');
      assert.deepEqual(r.icons, ['icon icon-valid']);
      assert.ok(r.cardShown);
      assert.match(r.cardNumber, /^\d{4}( \d{1,4})+$/, 'grouped in fours: ' + r.cardNumber);
      if (validCardNumber) assert.equal(r.cardNumber.replace(/ /g, ''), validCardNumber);
      assert.equal(r.expiryLabel, 'Expires');
      assert.ok(r.expiry.length > 5, 'expiry shown');
      assert.match(r.expiryIso, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(r.note, /^Checked at .+\. Revocation list updated just now\.$/, r.note);
      assert.ok(!r.address.includes('#'), 'the token is taken out of the address: ' + r.address);
      assert.ok(!r.address.includes(validToken));
      await shot(r.page, 'en-desktop-valid');
      const col = await colours(r.page);
      assert.ok(contrast(col.verdict, col.bg) >= 4.5, 'verdict contrast');
      assert.ok(contrast(col.detail, col.bg) >= 4.5, 'detail contrast');
    });

    await step('the token in lower case, at /v, is VALID too', async () => {
      const c = await ctx('valid-lower');
      const r = await openAndRead(c, base + '/v#' + validToken.toLowerCase());
      assert.equal(r.verdict, 'valid');
    });

    const genericTexts = new Set();
    await step('every not-valid token shows NOT VALID and nothing about why', async () => {
      assert.ok(notValid.length > 0, 'no notValidQrs given');
      for (const v of notValid) {
        const c = await ctx('not-valid ' + v.name);
        const r = await openAndRead(c, v.qr);
        assert.equal(r.verdict, 'not-valid', `${v.name}: ${JSON.stringify(r)}`);
        assert.equal(r.verdictText, 'NOT VALID', v.name);
        assert.deepEqual(r.icons, ['icon icon-not-valid'], v.name);
        assert.ok(!r.cardShown, `${v.name}: no card details for a card that is not valid`);
        genericTexts.add(r.verdictText + ' | ' + r.detail);
        if (v === notValid[0]) await shot(r.page, 'en-desktop-not-valid');
        await c.close();
      }
      assert.equal(genericTexts.size, 1, 'every not-valid card reads the same: ' + [...genericTexts].join(' / '));
    });

    await step('an expired card shows NOT VALID, and may say it expired', async () => {
      if (expired.length === 0) return diag('no expiredQrs given: skipped');
      for (const v of expired) {
        const c = await ctx('expired ' + v.name);
        const r = await openAndRead(c, v.qr);
        assert.equal(r.verdict, 'not-valid', v.name);
        assert.equal(r.verdictText, 'NOT VALID');
        assert.match(r.detail, /expired/i);
        assert.ok(r.cardShown);
        assert.equal(r.expiryLabel, 'Expired');
        await c.close();
      }
    });

    await step('works offline after a first visit (keys and list cached)', async () => {
      const c = await ctx('offline');
      const first = await openAndRead(c, validQr);
      assert.equal(first.verdict, 'valid');
      await c.setOffline(true);
      const pasted = await pasteAndCheck(first.page, validQr);
      assert.equal(pasted.verdict, 'valid', 'pasted offline: ' + JSON.stringify(pasted));
      if (notValid[0]) {
        const bad = await pasteAndCheck(first.page, notValid[0].qr);
        assert.equal(bad.verdict, 'not-valid');
      }
      // a scan opened by the phone's camera app: the same page, a new fragment
      await markStale(first.page);
      await first.page.evaluate((qr) => { location.hash = qr.slice(qr.lastIndexOf('#')); }, validQr);
      const hashed = await readResult(first.page);
      assert.equal(hashed.verdict, 'valid');
      // opening the address anew, offline: needs the page itself from the HTTP cache
      const page = await c.newPage();
      let opened = null;
      try {
        await page.goto(validQr, { timeout: 10_000 });
        opened = await readResult(page);
      } catch (e) {
        const msg = 'the page itself could not be opened offline (it needs to be cacheable: Cache-Control on /v, /V and the assets): ' + e.message.split('\n')[0];
        if (opts.requireOfflineNavigation) throw new Error(msg);
        diag(msg);
      }
      if (opened) {
        assert.equal(opened.verdict, 'valid');
        await shot(page, 'en-desktop-offline');
      }
      await c.setOffline(false);
    });

    await step('keyboard: labelled field reached with Tab, Enter checks, focus moves to the result', async () => {
      const c = await ctx('keyboard');
      const page = await c.newPage();
      await page.goto(base + '/v');
      await page.waitForSelector('#result[data-state="idle"]');
      assert.equal(await page.getByLabel('Card code or link').count(), 1);
      assert.equal(await page.getByLabel('Language').count(), 1);
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'code');
      }
      assert.ok(reached, 'the paste field is reachable with Tab');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'visible focus');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#code-error').isVisible(), true, 'an empty field says what to do');
      await page.keyboard.type(validQr.toLowerCase());
      await page.keyboard.press('Enter');
      const r = await readResult(page);
      assert.equal(r.verdict, 'valid');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'result');
      assert.equal(await page.inputValue('#code'), '', 'the field is cleared after a check');
      assert.equal(await page.locator('#code-error').isVisible(), false);
    });

    await step('Spanish from navigator.languages, a visible switch, and Arabic right to left', async () => {
      const c = await ctx('es', { locale: 'es-MX' });
      const es = await openAndRead(c, validQr);
      assert.equal(es.lang, 'es');
      assert.equal(es.verdictText, 'VÁLIDA');
      assert.match(es.expiryLabel, /Vence/);
      assert.ok(await es.page.getByLabel('Idioma').isVisible(), 'language switch visible');
      await shot(es.page, 'es-desktop-valid');
      await es.page.selectOption('#lang', 'en');
      assert.equal((await readResult(es.page)).verdictText, 'VALID', 'the switch redraws the result');
      await es.page.selectOption('#lang', 'ar');
      const ar = await readResult(es.page);
      assert.equal(ar.dir, 'rtl');
      assert.equal(ar.lang, 'ar');
      assert.equal(ar.verdictText, 'صالحة');
      assert.match(ar.cardNumber, /^[\d ]+$/, 'card number in Latin digits, as printed');
      // the choice is remembered
      const again = await openAndRead(c, validQr);
      assert.equal(again.lang, 'ar');
      await again.page.setViewportSize(PHONE);
      await shot(again.page, 'ar-phone-valid');
      await again.page.selectOption('#lang', 'es');
      await shot(again.page, 'es-phone-valid');
    });

    await step('phone 390×844: large verdict, no sideways scrolling, readable contrast', async () => {
      const c = await ctx('phone', { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const idle = await c.newPage();
      await idle.goto(base + '/V');
      await idle.waitForSelector('#result[data-state="idle"]');
      await shot(idle, 'en-phone-idle');
      const cases = [['valid', validQr], ...(notValid[0] ? [['not-valid', notValid[0].qr]] : []), ...(expired[0] ? [['expired', expired[0].qr]] : [])];
      for (const [name, qr] of cases) {
        const r = await openAndRead(c, qr);
        const width = await r.page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(width <= PHONE.width, `${name}: page is ${width}px wide`);
        const col = await colours(r.page);
        assert.ok(col.verdictSize >= 36, `${name}: verdict is ${col.verdictSize}px`);
        assert.ok(contrast(col.verdict, col.bg) >= 4.5, `${name}: verdict contrast ${contrast(col.verdict, col.bg)}`);
        assert.ok(contrast(col.detail, col.bg) >= 4.5, `${name}: detail contrast`);
        await shot(r.page, `en-phone-${name}`, false);
      }
    });

    await step('camera scan with a BarcodeDetector (stand-in) checks the scanned code', async () => {
      const plain = await ctx('no-camera');
      const p = await plain.newPage();
      await p.goto(base + '/v');
      const hasDetector = await p.evaluate(() => 'BarcodeDetector' in window);
      if (!hasDetector) assert.equal(await p.locator('#scan').isVisible(), false, 'no scan button without BarcodeDetector');

      const c = await ctx('camera', { viewport: PHONE });
      await c.addInitScript(fakeCameraScript, validQr);
      const page = await c.newPage();
      await page.goto(base + '/v');
      await page.locator('#scan').waitFor({ state: 'visible' });
      await page.click('#scan');
      const r = await readResult(page);
      assert.equal(r.verdict, 'valid');
      assert.equal(await page.locator('#camera').isVisible(), false, 'camera closed after a scan');
      assert.equal(await page.evaluate(() => window.__fakeStream.getTracks().every((tr) => tr.readyState === 'ended')), true, 'camera released');
      await shot(page, 'en-phone-after-scan', false);
    });

    await step('keys unavailable on a first visit: CANNOT CHECK, not a verdict', async () => {
      const c = await ctx('no-keys');
      await c.route('**/.well-known/jwks.json', (route) => route.abort('internetdisconnected'));
      const r = await openAndRead(c, validQr);
      assert.equal(r.verdict, 'unknown');
      assert.equal(r.verdictText, 'CANNOT CHECK');
      assert.ok(!r.cardShown);
      await shot(r.page, 'en-desktop-cannot-check');
    });

    await step('requests: only the page, its assets, the JWKS and whole status lists; never the token', async () => {
      assert.ok(watcher.requests.length > 0);
      let sawJwks = false;
      let sawList = false;
      for (const request of watcher.requests) {
        const url = new URL(request.url);
        const where = `[${request.label}] ${request.method} ${request.url.split('#')[0]}`;
        assert.equal(url.origin, origin, where + ': other origin');
        assert.equal(request.method, 'GET', where);
        assert.equal(request.postData, null, where);
        const allowed = ALLOWED_PATHS.has(url.pathname) || url.pathname.startsWith('/status/');
        assert.ok(allowed, where + ': unexpected request');
        if (url.pathname.startsWith('/status/')) {
          sawList = true;
          assert.equal(url.search, '', where + ': the list is fetched whole, no query');
        }
        if (url.pathname === '/.well-known/jwks.json') sawJwks = true;
        const headers = await request.headers;
        if (request.resourceType !== 'document') assert.ok(!headers.referer, where + ': sends a Referer: ' + headers.referer);
        assert.equal(headers.range, undefined, where + ': a Range request');
        // the fragment is never sent by a browser; everything else must not contain the token
        const sent = [request.url.split('#')[0], ...Object.entries(headers).map(([k, v]) => k + ': ' + v)].join('\n').toLowerCase();
        for (const s of secrets) assert.ok(!sent.includes(s.toLowerCase()), where + ': carries the token or card number');
      }
      assert.ok(sawJwks && sawList, 'the JWKS and the status list were downloaded');
      if (serverLog) {
        for (const entry of serverLog) {
          const seen = [entry.url, JSON.stringify(entry.headers), entry.body || ''].join('\n').toLowerCase();
          for (const s of secrets) assert.ok(!seen.includes(s.toLowerCase()), 'the server saw the token or card number: ' + entry.url);
        }
      }
    });

    await step('no CSP violation, console error or script error', async () => {
      assert.deepEqual(watcher.problems, []);
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
  }
  if (failures.length) throw failures.length === 1 ? failures[0] : new AggregateError(failures, failures.map((f) => f.message).join('\n'));
}
