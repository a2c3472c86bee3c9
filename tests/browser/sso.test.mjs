// Single sign-on against a real OpenID Provider (issue 15): npm `oidc-provider` on loopback
// (identity-provider.mjs), muni-id as its client with passwords switched off but for one
// break-glass admin. The pages are opened at `localhost` and the provider is at `127.0.0.1`:
// two sites, so the provider's redirect back is a cross-site navigation, as in production.
// Someone in a mapped group gets in (and the provider's groups change their role here, in the
// report); someone unmapped, without an account, another person given the same name, the
// break-glass account and a sign-in without a second factor (amr) are refused; a tampered
// state, a replayed code and ID tokens for another audience, expired, from another issuer,
// with another nonce, signed with an unpublished key or HS256 with the client secret are each
// refused. (That a callback is taken once and bound to its browser's cookie is tested in
// tests/api/sign_on.rs: here a used callback and another browser also lack the cookie.)
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProvider } from './identity-provider.mjs';
import {
  freePort, launchWithCamera, overflow, screenshotPath, seriousViolations, startServer,
} from './ui-helpers.mjs';

const ADMIN = { username: 'root.admin', role: 'admin', password: 'break glass passphrase' };
const CLIENT_ID = 'muni-id';
const SECRET = 'the client secret muni-id shares with the provider';
const DESKTOP = { width: 1280, height: 900 };

function configFile(dir, issuer) {
  const secretFile = join(dir, 'oidc-client-secret');
  writeFileSync(secretFile, SECRET, { mode: 0o600 });
  const file = join(dir, 'sso.toml');
  writeFileSync(file, `
[auth]
local_passwords = false
break_glass_username = "${ADMIN.username}"

[auth.second_factor]
required_for = ["clerk", "admin"]

[auth.sso]
issuer = "${issuer}"
display_name = "Example City sign-in"
client_id = "${CLIENT_ID}"
client_secret_file = "${secretFile}"
scopes = ["profile"]
username_claim = "preferred_username"
groups_claim = "groups"
required_amr = ["mfa"]
steps_per_client_per_minute = 1000

[auth.sso.roles]
"muni-id-clerks" = "clerk"
"muni-id-admins" = "admin"
`);
  return file;
}

/**
 * From the login page through the provider's login (and consent) pages. With `hold`, the
 * browser's way back to muni-id is stopped and its URL returned; else the page muni-id shows.
 */
async function throughProvider(page, server, login, { hold = false } = {}) {
  // The way back is the last hop of the provider's redirects, which page.route does not see:
  // the DevTools Fetch domain does.
  let release;
  const held = new Promise((done) => { release = done; });
  let cdp;
  if (hold) {
    cdp = await page.context().newCDPSession(page);
    cdp.on('Fetch.requestPaused', async (paused) => {
      release(paused.request.url);
      await cdp.send('Fetch.fulfillRequest', {
        requestId: paused.requestId,
        responseCode: 200,
        responseHeaders: [{ name: 'Content-Type', value: 'text/html' }],
        body: Buffer.from('<p>held</p>').toString('base64'),
      });
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/login/sso/callback*' }] });
  }
  // A new sign-in at the provider each time (its own session would else answer at once, as
  // the person signed in last).
  await page.context().clearCookies({ domain: '127.0.0.1' });
  await page.goto(`${server.base}/login`);
  await page.click('#sign-on');
  await page.waitForSelector('input[name=login]');
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'the provider checks passwords, not muni-id');
  await Promise.all([page.waitForEvent('framenavigated'), page.click('button[type=submit]')]);
  await page.waitForLoadState('load');
  if (await page.$('input[name=prompt][value=consent]')) {
    await Promise.all([page.waitForEvent('framenavigated'), page.click('button[type=submit]')]);
    await page.waitForLoadState('load');
  }
  if (hold) {
    const url = await held;
    await cdp.send('Fetch.disable');
    await cdp.detach();
    return url;
  }
  await page.waitForLoadState('networkidle');
  return page.url();
}

async function bodyText(page) {
  return page.textContent('main');
}

async function api(server, path, { token, method = 'GET', body } = {}) {
  const res = await fetch(`${server.direct}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

test('single sign-on through a real OpenID Provider', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'muni-id-sso-'));
  const opPort = await freePort();
  const issuer = `http://127.0.0.1:${opPort}`;
  const server = await startServer([ADMIN], { MUNI_ID_CONFIG: configFile(dir, issuer) }, {
    host: 'localhost',
    accounts: [{ username: 'ana.clerk', role: 'auditor' }, { username: 'ben.parks', role: 'clerk' }],
  });
  const browser = await launchWithCamera();
  let provider;
  t.after(async () => {
    await browser.close();
    server.stop();
    if (provider) await provider.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const callbacks = [];
  page.on('request', (r) => { if (r.url().includes('/login/sso/callback')) callbacks.push(r.url()); });

  await t.test('with the provider down, the login page says so', async () => {
    await page.goto(`${server.base}/login`);
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes('/login/sso')), page.click('#sign-on')]);
    assert.equal(res.status(), 502);
    assert.match(await bodyText(page), /cannot be reached right now/);
  });

  provider = await startProvider({
    port: opPort, clientId: CLIENT_ID, secret: SECRET, redirectUri: `${server.base}/login/sso/callback`,
  });
  // The provider vouches that each person gave a second factor, unless a test says otherwise.
  const MFA = { amr: ['pwd', 'mfa'] };
  const vouched = () => { for (const k of Object.keys(provider.tamper)) delete provider.tamper[k]; provider.tamper.claims = { ...MFA }; };
  vouched();
  // The service refuses sign-ins for 5 s after the provider could not be reached.
  await new Promise((done) => { setTimeout(done, 5500); });

  await t.test('the login page: the city sign-in first, the password folded away for the break-glass admin', async () => {
    for (const lang of ['en', 'es', 'ar']) {
      await page.goto(`${server.base}/lang/${lang}?back=/login`);
      assert.ok(await page.isVisible('#sign-on'), `${lang}: the sign-on button`);
      assert.equal(await page.isVisible('#password'), false, `${lang}: the password field is folded`);
      assert.deepEqual(await seriousViolations(page), [], `${lang}: axe`);
      assert.deepEqual(await overflow(page), { scroll: false, wide: [] }, `${lang}: overflow`);
      await page.screenshot({ path: screenshotPath(`sso-login-${lang}`), fullPage: true });
    }
    await page.goto(`${server.base}/lang/en?back=/login`);
  });

  let firstCallback;
  await t.test('someone in a mapped group gets in, with the role their groups give', async () => {
    const landed = await throughProvider(page, server, 'ana.clerk');
    // An auditor here before; the provider's group says clerk: the clerk's first page.
    assert.match(landed, /\/enroll$/);
    assert.match(await page.textContent('header'), /ana\.clerk/);
    // Clerks must have a second factor here; the provider asked for it (amr), so this
    // service does not, and no deadline to set one up is shown.
    assert.equal(await page.$('.banner'), null);
    firstCallback = callbacks.at(-1);
    assert.ok(firstCallback, 'the callback was seen');
    // The account page: nothing to manage here, the provider does.
    await page.goto(`${server.base}/account`);
    assert.match(await bodyText(page), /You signed in with Example City sign-in/);
    assert.equal(await page.$('a[href="/account/password"]'), null);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: screenshotPath('sso-account-en'), fullPage: true });

    const login = await api(server, '/api/v1/sessions', { method: 'POST', body: { username: ADMIN.username, password: ADMIN.password } });
    assert.equal(login.status, 201, 'the break-glass admin keeps a password');
    const staff = await api(server, '/api/v1/staff', { token: login.body.token });
    const ana = staff.body.find((s) => s.username === 'ana.clerk');
    assert.equal(ana.role, 'clerk');
    const report = await api(server, '/api/v1/reports/retention', { token: login.body.token });
    assert.ok(
      report.body.staff_changes.some((c) => c.change === 'role_changed' && c.account === 'ana.clerk' && c.by === 'single sign-on'),
      'the role change is in the report, made by single sign-on',
    );
    await Promise.all([page.waitForURL(/\/login/), page.click('.who button')]);
  });

  await t.test('the same callback a second time (its cookie gone) opens nothing', async () => {
    const res = await page.goto(firstCallback);
    assert.equal(res.status(), 400);
    assert.match(await bodyText(page), /not valid any more/);
    await page.goto(`${server.base}/enroll`);
    assert.match(page.url(), /\/login/);
  });

  await t.test('someone in no mapped group is refused, and so is someone with no account here', async () => {
    const refused = await throughProvider(page, server, 'ben.parks');
    assert.match(refused, /\/login\/sso\/callback/);
    assert.match(await bodyText(page), /none of your groups gives access/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: screenshotPath('sso-refused-en'), fullPage: true });
    await throughProvider(page, server, 'carla.new');
    assert.match(await bodyText(page), /no staff account for you here/);
    await page.goto(`${server.base}/enroll`);
    assert.match(page.url(), /\/login/, 'neither got a session');
  });

  await t.test('another person given the same name at the provider is refused', async () => {
    await throughProvider(page, server, 'ana.impostor');
    assert.match(await bodyText(page), /belongs to another person/);
  });

  await t.test('the break-glass account never signs on, and a sign-in without a second factor is refused', async () => {
    await throughProvider(page, server, 'root.admin');
    assert.match(await bodyText(page), /signs in only with its password/);
    provider.tamper.claims = { amr: ['pwd'] };
    await throughProvider(page, server, 'ana.clerk');
    assert.match(await bodyText(page), /with your second factor/);
    vouched();
    await page.goto(`${server.base}/enroll`);
    assert.match(page.url(), /\/login/, 'no session from any of them');
  });

  await t.test('a tampered state is refused, and the untouched callback still works', async () => {
    const held = await throughProvider(page, server, 'ana.clerk', { hold: true });
    const url = new URL(held);
    const state = url.searchParams.get('state');
    url.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);
    const res = await page.goto(url.toString());
    assert.equal(res.status(), 400);
    assert.match(await bodyText(page), /not valid any more/);
    await page.goto(held);
    await page.waitForURL(/\/enroll$/);
    firstCallback = held;
    await Promise.all([page.waitForURL(/\/login/), page.click('.who button')]);
  });

  await t.test('a code used once is refused by the provider, even under a new request', async () => {
    const used = new URL(firstCallback).searchParams.get('code');
    const fresh = new URL(await throughProvider(page, server, 'ana.clerk', { hold: true }));
    fresh.searchParams.set('code', used);
    const res = await page.goto(fresh.toString());
    assert.equal(res.status(), 401);
    assert.match(await bodyText(page), /was not accepted/);
    assert.match(server.log(), /invalid_grant/);
  });

  await t.test('a callback opened in another browser (no cookie) opens nothing there', async () => {
    const held = await throughProvider(page, server, 'ana.clerk', { hold: true });
    const other = await browser.newContext({ viewport: DESKTOP });
    const elsewhere = await other.newPage();
    const res = await elsewhere.goto(held);
    assert.equal(res.status(), 400);
    assert.match(await elsewhere.textContent('main'), /opened in another browser/);
    await other.close();
  });

  await t.test('ID tokens the provider did not issue for this sign-in are refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      ['for another audience', { claims: { ...MFA, aud: 'another-city-app' } }, /audience/i],
      ['expired', { claims: { ...MFA, iat: now - 7200, exp: now - 3600 } }, /Expired/],
      ['from another issuer', { claims: { ...MFA, iss: 'http://127.0.0.1:1' } }, /issuer/i],
      ["with another request's nonce", { claims: { ...MFA, nonce: 'not-this-request' } }, /nonce/i],
      ['signed with a key never published', { claims: { ...MFA }, foreignKey: true }, /Signature verification failed/],
      ['signed HS256 with the client secret', { claims: { ...MFA }, hmacWith: SECRET }, /Disallowed signature algorithm/],
    ];
    for (const [label, tamper, reason] of cases) {
      vouched();
      Object.assign(provider.tamper, tamper);
      const before = server.log().length;
      await throughProvider(page, server, 'ana.clerk');
      assert.match(await bodyText(page), /was not accepted/, label);
      assert.match(server.log().slice(before), reason, label);
    }
    vouched();
    await page.goto(`${server.base}/enroll`);
    assert.match(page.url(), /\/login/, 'no session from any of them');
  });

  await t.test('passwords are off: only the break-glass admin logs in with one', async () => {
    const api403 = await api(server, '/api/v1/sessions', { method: 'POST', body: { username: 'ana.clerk', password: 'any password at all' } });
    assert.equal(api403.status, 403);
    assert.equal(api403.body.error.code, 'local_passwords_off');
    const nobody = await api(server, '/api/v1/sessions', { method: 'POST', body: { username: 'no.such.person', password: 'any password at all' } });
    assert.equal(nobody.status, 403, 'an unknown name is answered alike');

    await page.goto(`${server.base}/login`);
    await page.click('details.break-glass summary');
    await page.fill('#username', 'ana.clerk');
    await page.fill('#password', 'any password at all');
    await Promise.all([page.waitForEvent('framenavigated'), page.click('details.break-glass button[type=submit]')]);
    assert.match(await bodyText(page), /passwords are switched off here/);
    await page.fill('#username', ADMIN.username);
    await page.fill('#password', ADMIN.password);
    await Promise.all([page.waitForURL(/\/admin\/staff/), page.click('details.break-glass button[type=submit]')]);
    // The break-glass password session is under this service's second-factor policy.
    assert.match(await page.textContent('.banner'), /Set up a second factor by/);
  });

  await t.test('the log names nobody the provider vouched for, nor any code or token', async () => {
    const log = server.log();
    assert.match(log, /sign_on_refused/, 'refusals are logged, by reason');
    for (const name of ['ana.clerk', 'ben.parks', 'carla.new']) assert.ok(!log.includes(name), name);
    const used = new URL(firstCallback);
    assert.ok(!log.includes(used.searchParams.get('code')), 'no authorization code');
    assert.ok(!log.includes(used.searchParams.get('state')), 'no state');
  });
});
