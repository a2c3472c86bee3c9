// Helpers for the staff-page tests: a real muni-id server with staff accounts, a Chromium with a
// fake camera, axe-core in the page, page-weight and overflow measurements.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS } from './verifier-checks.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = process.env.MUNI_ID_BIN || join(ROOT, 'target', 'debug', 'muni-id');
export const PHOTO = join(ROOT, 'tests', 'fixtures', 'photo.png');
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** Words for data the program never collects, in the three languages of the pages. */
export const NEVER_COLLECTED = [
  /immigration/i, /citizenship/i, /country of birth/i, /document numbers?/i, /\bSSN\b/, /\bITIN\b/,
  /inmigraci/i, /ciudadan/i, /pa[ií]s de nacimiento/i, /n[uú]mero de documento/i,
  /الهجرة/, /الجنسية/, /المواطنة/, /بلد الميلاد/, /رقم المستند/, /رقم الوثيقة/,
];

export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/**
 * Starts the real binary on a free port with a fresh SQLite database, after adding the staff
 * accounts given as [{username, role, password}] (each logs in once to choose its password),
 * and `accounts` [{username, role}] that never use a password here (single sign-on).
 */
export async function startServer(staff, extraEnv = {}, { host = '127.0.0.1', accounts = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'muni-id-ui-'));
  const port = await freePort();
  // The address the pages are opened at (`localhost` for passkeys, which need a domain name);
  // the test itself talks to the bound address.
  const base = `http://${host}:${port}`;
  const direct = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    MUNI_ID__DATA_DIR: dataDir,
    MUNI_ID__DATABASE__URL: `sqlite://${join(dataDir, 'muni-id.db')}`,
    MUNI_ID__SERVER__BIND: `127.0.0.1:${port}`,
    MUNI_ID__PUBLIC_BASE_URL: base,
    MUNI_ID__AUTH__ARGON2_MEMORY_KIB: '64',
    MUNI_ID__AUTH__ARGON2_ITERATIONS: '1',
    MUNI_ID__LOG__LEVEL: 'info',
    ...extraEnv,
  };
  // A password set on the command line was not chosen by its owner and must be changed at
  // first login: each account is added with a first password, then changed to its own below.
  const first = (password) => `first ${password}`;
  for (const { username, role, password } of staff) {
    const added = spawnSync(BIN, ['staff', 'add', username, '--role', role, '--password-stdin'], {
      env, input: first(password), encoding: 'utf8',
    });
    assert.equal(added.status, 0, `staff add ${username} failed: ${added.stderr}`);
  }
  for (const { username, role } of accounts) {
    const added = spawnSync(BIN, ['staff', 'add', username, '--role', role], { env, encoding: 'utf8' });
    assert.equal(added.status, 0, `staff add ${username} failed: ${added.stderr}`);
  }
  const server = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (chunk) => { log += chunk; });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${direct}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const { username, password } of staff) {
    await chooseOwnPassword(direct, username, first(password), password);
  }
  return {
    base,
    direct,
    log: () => log,
    stop() {
      server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in with the first password, replaces it with the account's own, and logs out. */
async function chooseOwnPassword(base, username, first, own) {
  const post = (path, body, token) => fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const login = await post('/api/v1/sessions', { username, password: first });
  assert.equal(login.status, 201, `first login of ${username}`);
  const { token } = await login.json();
  const changed = await post('/api/v1/staff/me/password', { current_password: first, new_password: own }, token);
  assert.equal(changed.status, 204, `${username} chooses a password`);
  await fetch(`${base}/api/v1/sessions/current`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
}

/** Chromium with a fake camera that needs no permission prompt. */
export async function launchWithCamera() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    headless: true,
  });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays on) and
 * returns the serious and critical violations, described.
 */
export async function seriousViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Nothing wider than the window: no sideways scrolling. */
export async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.table-wrap, .chart-wrap, pre')) continue;
      if (box.right > width + 1 || box.left < -1) wide.push(`${el.tagName.toLowerCase()}.${el.className}`);
    }
    return { scroll: document.documentElement.scrollWidth > width + 1, wide: wide.slice(0, 5) };
  });
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/** Logs in through the login page. */
export async function logIn(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  // Waits for the navigation the submit starts, then for that page to load ('load' alone
  // could resolve on the login page being left).
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await page.click('button[type=submit].primary');
  await navigated;
  await page.waitForLoadState('load');
}

/** Logs out through the header's button. */
export async function logOut(page) {
  await Promise.all([page.waitForURL(/\/login/), page.click('.who button')]);
}

/** Fails the test when axe finds a serious or critical violation on the page. */
export async function axeClean(page, label) {
  assert.deepEqual(await seriousViolations(page), [], `${label}: axe found serious or critical violations`);
}

/** Clicks what submits a form and waits for the page it leads to to load. */
export async function submit(page, selector) {
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await page.click(selector);
  await navigated;
  await page.waitForLoadState('load');
}
