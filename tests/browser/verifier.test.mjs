// The verifier page in Debian's Chromium, against vectors from make_vectors.py served by a
// stand-in server with the production CSP. The generic checks live in verifier-checks.mjs so
// they can be pointed at the real server too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';
import { makeVectors } from './vectors.mjs';
import { checkVerifierPage, launchChromium } from './verifier-checks.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCREENSHOTS = join(HERE, 'screenshots');

let server;
let vectors;
let browser;
let base;

before(async () => {
  let dir = null;
  server = await startStaticServer({ dataDir: () => dir });
  // "localhost" (not 127.0.0.1) so the upper-cased QR address has a host to lower-case
  base = `http://localhost:${server.port}`;
  vectors = makeVectors(base);
  dir = vectors.dir;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('verifier page: generic checks against the generated vectors', async (t) => {
  const v = vectors.byName;
  const notValidQrs = vectors.vectors
    .filter((x) => x.expect === 'not-valid' && !x.expired)
    .map((x) => ({ name: x.name, qr: x.qr_text }));
  await checkVerifierPage(browser, base, {
    validQr: v.valid.qr_text,
    validCardNumber: v.valid.card_number,
    notValidQrs,
    expiredQrs: [{ name: 'expired', qr: v.expired.qr_text }],
    screenshotDir: SCREENSHOTS,
    serverLog: server.log,
    requireOfflineNavigation: true,
    t,
  });
});

async function freshPage(options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  const requests = [];
  // requests that were answered (an attempt made offline fails, and is not counted)
  page.on('requestfinished', (r) => requests.push(new URL(r.url()).pathname));
  return { context, page, requests };
}

async function verdictAfter(page, action) {
  await page.evaluate(() => { document.getElementById('result').dataset.state = 'stale'; });
  await action();
  await page.waitForSelector('#result[data-state="done"]');
  return page.evaluate(() => ({
    verdict: document.getElementById('result').dataset.verdict,
    note: document.getElementById('list-note').hidden ? '' : document.getElementById('list-note').textContent,
    noteSource: document.getElementById('list-note').dataset.source,
    card: document.getElementById('card').hidden ? null : document.getElementById('card-number').textContent,
  }));
}

test('a card signed by a retired (still published) key is VALID', async () => {
  const { context, page } = await freshPage();
  await page.goto(vectors.byName['valid-retired-key'].qr_text);
  await page.waitForSelector('#result[data-state="done"]');
  assert.equal(await page.getAttribute('#result', 'data-verdict'), 'valid');
  await context.close();
});

test('the status list ttl is honoured; past it, offline, the saved list is used and its age shown', async () => {
  const { context, page, requests } = await freshPage();
  await page.goto(vectors.byName.valid.qr_text);
  await page.waitForSelector('#result[data-state="done"]');
  const lists = () => requests.filter((p) => p === '/status/1').length;
  assert.equal(lists(), 1);

  // within the ttl (3600 s): another card, no new download
  let r = await verdictAfter(page, async () => {
    await page.fill('#code', vectors.byName.revoked.qr_text);
    await page.press('#code', 'Enter');
  });
  assert.equal(r.verdict, 'not-valid');
  assert.equal(r.card, null, 'a revoked card shows no details');
  assert.equal(lists(), 1, 'the cached list is used within its ttl');

  // make the saved list 3 hours old (past its ttl), then go offline
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (!key.includes('status:')) continue;
      const saved = JSON.parse(localStorage.getItem(key));
      saved.fetchedAt -= 3 * 3600 * 1000;
      localStorage.setItem(key, JSON.stringify(saved));
    }
  });
  await context.setOffline(true);
  r = await verdictAfter(page, async () => {
    await page.fill('#code', vectors.byName.valid.token);
    await page.press('#code', 'Enter');
  });
  assert.equal(r.verdict, 'valid');
  assert.equal(r.noteSource, 'offline');
  assert.match(r.note, /Offline: used the saved revocation list, updated 3 hours ago\./, r.note);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SCREENSHOTS, 'en-phone-offline-valid.png') });

  // back online, past the ttl: downloaded again
  await context.setOffline(false);
  r = await verdictAfter(page, async () => {
    await page.fill('#code', vectors.byName.valid.token);
    await page.press('#code', 'Enter');
  });
  assert.equal(r.verdict, 'valid');
  assert.equal(r.noteSource, 'network');
  assert.equal(lists(), 2);
  await context.close();
});

test('a foreign status list address is never requested', async () => {
  const { context, page, requests } = await freshPage();
  const other = [];
  context.on('request', (r) => { if (!r.url().startsWith(base)) other.push(r.url()); });
  await page.goto(vectors.byName['foreign-status-uri'].qr_text);
  await page.waitForSelector('#result[data-state="done"]');
  assert.equal(await page.getAttribute('#result', 'data-verdict'), 'not-valid');
  assert.deepEqual(other, []);
  assert.ok(!requests.includes('/status/1'));
  await context.close();
});
