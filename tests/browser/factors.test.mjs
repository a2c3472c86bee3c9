// Second factors in headless Chromium against the real server (issue 15). Passkeys: a
// supervisor adds one through Chromium's virtual authenticator (the DevTools WebAuthn domain)
// and logs in with it. Authenticator apps: a clerk whose role
// must have one sees by when on every page, sets up an authenticator app on the account page
// (QR code, key to type, a code and the password), gets recovery codes once, and then logs in
// in two steps — password, then a code (a wrong code is refused clearly; a recovery code works
// once). An admin sees that the clerk has a factor, never which, and resets it. Every page is
// axe-clean and photographed in English, Spanish and Arabic (right to left).
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  axeClean, submit,
  launchWithCamera, logIn, logOut, overflow, screenshotPath, startServer,
} from './ui-helpers.mjs';

const CLERK = { username: 'mfa.clerk', role: 'clerk', password: 'clerk factor passphrase' };
const ADMIN = { username: 'mfa.admin', role: 'admin', password: 'admin factor passphrase' };
const DESKTOP = { width: 1280, height: 900 };

/** RFC 4648 base32 (no padding) to bytes. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/\s+/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The six-digit RFC 6238 code (HMAC-SHA-1, 30 s) an app shows at `unixSeconds`. */
function totp(secret, unixSeconds) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const h = createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[19] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

test('second factors: set up an authenticator, log in with a code, reset by an admin', async (t) => {
  const server = await startServer([CLERK, ADMIN], {
    MUNI_ID__AUTH__SECOND_FACTOR__REQUIRED_FOR: '[clerk]',
    MUNI_ID__AUTH__SECOND_FACTOR__ENROLMENT_GRACE_DAYS: '3',
  });
  const browser = await launchWithCamera();
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const page = await context.newPage();
  const base = server.base;
  let secret;
  let recovery;
  try {
    await t.test('a clerk without a factor is told by when, on every page', async () => {
      await logIn(page, base, CLERK.username, CLERK.password);
      assert.match(page.url(), /\/enroll$/);
      assert.match(await page.textContent('.banner'), /Set up a second factor by [A-Z][a-z]+ \d{1,2}, \d{4}\. /);
      await axeClean(page, 'enroll with the reminder');
    });

    await t.test('the account page sets up an authenticator app and shows recovery codes once', async () => {
      await submit(page, '.banner a');
      assert.match(page.url(), /\/account$/);
      assert.match(await page.textContent('main'), /You have no second factor yet/);
      await axeClean(page, 'account');
      await page.fill('#totp-password', CLERK.password);
      await submit(page, 'form[action="/account/totp"] button');
      assert.ok(await page.isVisible('.qr-box svg[role=img]'));
      secret = (await page.textContent('#totp-secret')).replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{32}$/);
      await axeClean(page, 'totp setup');
      await page.fill('#code', '000000');
      await submit(page, 'form[action="/account/totp/confirm"] button');
      assert.match(await page.textContent('.notice-error'), /does not match the app/);
      // The same set-up, shown again: the same key, and the next try.
      assert.equal((await page.textContent('#totp-secret')).replace(/\s+/g, ''), secret);
      await page.fill('#code', totp(secret, Date.now() / 1000));
      await submit(page, 'form[action="/account/totp/confirm"] button');
      recovery = await page.$$eval('.recovery-codes code', (els) => els.map((e) => e.textContent));
      assert.equal(recovery.length, 10);
      assert.match(await page.textContent('main'), /shown only now/);
      await axeClean(page, 'recovery codes');
      await page.goto(`${base}/account`);
      assert.match(await page.textContent('main'), /Authenticator app/);
      assert.equal(await page.$('.banner'), null, 'no reminder once a factor is set up');
    });

    await t.test('logging in takes the password, then a code; a wrong code is refused clearly', async () => {
      await logOut(page);
      await logIn(page, base, CLERK.username, CLERK.password);
      assert.match(page.url(), /\/login\/factor$/);
      await axeClean(page, 'factor step');
      await page.goto(`${base}/enroll`);
      assert.match(page.url(), /\/login\?next=\/enroll$/, 'the password alone opens no page');
      await page.goto(`${base}/login/factor`);
      await page.fill('#code', '123456');
      await submit(page, 'button[type=submit].primary');
      assert.match(await page.textContent('.notice-error'), /That code is wrong, or it was already used/);
      // The next step's code (the set-up used this one; one step ahead is accepted).
      await page.fill('#code', totp(secret, Date.now() / 1000 + 30));
      await submit(page, 'button[type=submit].primary');
      assert.match(page.url(), /\/enroll$/);
    });

    await t.test('a recovery code logs in once', async () => {
      await logOut(page);
      await logIn(page, base, CLERK.username, CLERK.password);
      await page.fill('#code', recovery[0]);
      await submit(page, 'button[type=submit].primary');
      assert.match(page.url(), /\/enroll$/);
      await page.goto(`${base}/account`);
      assert.match(await page.textContent('main'), /You have 9 unused recovery codes/);
      await logOut(page);
      await logIn(page, base, CLERK.username, CLERK.password);
      await page.fill('#code', recovery[0]);
      await submit(page, 'button[type=submit].primary');
      assert.match(await page.textContent('.notice-error'), /already used/);
    });

    await t.test('every factor page in English, Spanish and Arabic: screenshots, RTL, axe', async () => {
      for (const lang of ['en', 'es', 'ar']) {
        const ctx = await browser.newContext({ viewport: DESKTOP, locale: lang });
        const p = await ctx.newPage();
        await p.goto(`${base}/lang/${lang}?back=/login`);
        await logIn(p, base, CLERK.username, CLERK.password);
        const check = async (name) => {
          const label = `${lang} ${name}`;
          assert.equal(await p.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr', label);
          const wide = await overflow(p);
          assert.ok(!wide.scroll && wide.wide.length === 0, `${label}: overflows ${JSON.stringify(wide)}`);
          await axeClean(p, label);
          await p.screenshot({ path: screenshotPath(`factors-${lang}-${name}`), fullPage: true });
        };
        await check('factor-step');
        await p.fill('#code', recovery[1 + ['en', 'es', 'ar'].indexOf(lang)]);
        await submit(p, 'button[type=submit].primary');
        await p.goto(`${base}/account`);
        await check('account');
        await p.fill('#totp-password', CLERK.password);
        await submit(p, 'form[action="/account/totp"] button');
        await check('totp-setup');
        await p.goto(`${base}/account`);
        await p.fill('#recovery-password', CLERK.password);
        await submit(p, 'form[action="/account/recovery-codes"] button');
        recovery = await p.$$eval('.recovery-codes code', (els) => els.map((e) => e.textContent));
        await check('recovery-codes');
        await ctx.close();
      }
    });

    await t.test('an admin sees that the clerk has a factor, never which, and resets it', async () => {
      await page.goto(`${base}/login`);
      await logIn(page, base, ADMIN.username, ADMIN.password);
      await page.goto(`${base}/admin/staff`);
      const row = page.locator('tr', { hasText: CLERK.username });
      assert.match(await row.textContent(), /has a second factor/);
      assert.ok(!(await page.content()).includes(secret), 'the secret is never shown');
      await axeClean(page, 'staff with factors');
      await submit(page, `button:has-text("Reset second factor of ${CLERK.username}")`);
      assert.match(await page.textContent('.notice-ok'), /has been removed/);
      assert.match(await row.textContent(), /no second factor/);
      await page.screenshot({ path: screenshotPath('factors-en-staff-reset'), fullPage: true });
    });
  } finally {
    await browser.close();
    server.stop();
  }
});

test('passkeys: add one with a virtual authenticator, log in with it', async (t) => {
  const SUPERVISOR = { username: 'key.supervisor', role: 'supervisor', password: 'supervisor key passphrase' };
  const server = await startServer([SUPERVISOR], {}, { host: 'localhost' });
  const browser = await launchWithCamera();
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  const base = server.base;
  let codes;
  try {
    await t.test('a wrong password is refused before any passkey is made', async () => {
      await logIn(page, base, SUPERVISOR.username, SUPERVISOR.password);
      await page.goto(`${base}/account`);
      assert.ok(await page.isVisible('#passkey-form'), 'the script shows the passkey form');
      await page.fill('#passkey-label', 'test laptop');
      await page.fill('#passkey-password', 'not my password');
      await page.click('#passkey-form button[type=submit]');
      await page.waitForSelector('#passkey-problem:not([hidden])');
      assert.match(await page.textContent('#passkey-problem'), /password/i);
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      assert.equal(credentials.length, 0);
    });

    await t.test('the account page adds a passkey and shows recovery codes once', async () => {
      await page.goto(`${base}/account`);
      await axeClean(page, 'account with the passkey form');
      await page.fill('#passkey-label', 'test laptop');
      await page.fill('#passkey-password', SUPERVISOR.password);
      await Promise.all([page.waitForURL(`${base}/account/passkey`), page.click('#passkey-form button[type=submit]')]);
      codes = await page.$$eval('.recovery-codes code', (els) => els.map((e) => e.textContent));
      assert.equal(codes.length, 10);
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      assert.equal(credentials.length, 1);
      await page.goto(`${base}/account`);
      assert.match(await page.textContent('main'), /Passkey: test laptop/);
      await page.screenshot({ path: screenshotPath('factors-en-account-passkey'), fullPage: true });
    });

    await t.test('logging in: the password, then the passkey', async () => {
      await logOut(page);
      await logIn(page, base, SUPERVISOR.username, SUPERVISOR.password);
      assert.match(page.url(), /\/login\/factor$/);
      await page.waitForSelector('#passkey-login:not([hidden])');
      await axeClean(page, 'factor step with a passkey');
      await page.screenshot({ path: screenshotPath('factors-en-factor-step-passkey'), fullPage: true });
      await Promise.all([page.waitForURL(`${base}/enroll`), page.click('#passkey-login')]);
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      assert.ok(credentials[0].signCount >= 1, 'the authenticator signed');
    });

    await t.test('a passkey that is not there is a clear message, and a code still works', async () => {
      await logOut(page);
      await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
      await logIn(page, base, SUPERVISOR.username, SUPERVISOR.password);
      await page.waitForSelector('#passkey-login:not([hidden])');
      await page.click('#passkey-login');
      await page.waitForSelector('#passkey-problem:not([hidden])', { timeout: 120000 });
      assert.match(await page.textContent('#passkey-problem'), /not used|cancelled|timed out/);
      assert.match(page.url(), /\/login\/factor$/);
      await page.fill('#code', codes[0]);
      await submit(page, 'form[action="/login/factor"].stack button[type=submit]');
      assert.match(page.url(), /\/enroll$/);
    });

    await t.test('the passkey pages in Spanish and Arabic', async () => {
      await logOut(page);
      await logIn(page, base, SUPERVISOR.username, SUPERVISOR.password);
      for (const lang of ['es', 'ar']) {
        await page.goto(`${base}/lang/${lang}?back=/login/factor`);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        await axeClean(page, `${lang} factor step with a passkey`);
        await page.screenshot({ path: screenshotPath(`factors-${lang}-factor-step-passkey`), fullPage: true });
      }
    });
  } finally {
    await browser.close();
    server.stop();
  }
});
