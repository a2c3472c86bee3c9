// The verifier page against the real muni-id server: a card issued through the API verifies
// VALID in Chromium, a revoked one NOT VALID, and the page never sends the token anywhere.
// Needs the debug binary (`cargo test` or `cargo build` makes it; MUNI_ID_BIN overrides).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkVerifierPage, launchChromium } from './verifier-checks.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = process.env.MUNI_ID_BIN || join(ROOT, 'target', 'debug', 'muni-id');
const PASSWORD = 'browser test passphrase';

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'muni-id-browser-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    MUNI_ID__DATA_DIR: dataDir,
    MUNI_ID__DATABASE__URL: `sqlite://${join(dataDir, 'muni-id.db')}`,
    MUNI_ID__SERVER__BIND: `127.0.0.1:${port}`,
    MUNI_ID__PUBLIC_BASE_URL: base,
    MUNI_ID__AUTH__ARGON2_MEMORY_KIB: '64',
    MUNI_ID__AUTH__ARGON2_ITERATIONS: '1',
    MUNI_ID__LOG__LEVEL: 'info',
  };
  const added = spawnSync(BIN, ['staff', 'add', 'browser.clerk', '--role', 'clerk', '--password-stdin'], {
    env, input: PASSWORD, encoding: 'utf8',
  });
  assert.equal(added.status, 0, `staff add failed: ${added.stderr}`);
  const server = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (chunk) => { log += chunk; });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    log: () => log,
    stop() {
      server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function api(base, token, path, body) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  assert.ok(res.ok, `${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

test('the verifier page checks real cards from the real server', async (t) => {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const { token } = await api(server.base, null, '/api/v1/sessions', { username: 'browser.clerk', password: PASSWORD });
    const photo = readFileSync(join(ROOT, 'tests', 'fixtures', 'photo.png')).toString('base64');
    const enroll = (name) => api(server.base, token, '/api/v1/residents', {
      legal_name: name, date_of_birth: '1990-04-01', photo, documents: ['passport', 'utility_bill'],
    });
    const valid = await enroll('María José Valid');
    const validCard = await api(server.base, token, `/api/v1/residents/${valid.resident_id}/cards`, { reason: 'new' });
    const revoked = await enroll('Ramón Revoked');
    const revokedCard = await api(server.base, token, `/api/v1/residents/${revoked.resident_id}/cards`, { reason: 'new' });
    await api(server.base, token, `/api/v1/cards/${revokedCard.card_number}/revoke`, { reason: 'stolen' });

    await checkVerifierPage(browser, server.base, {
      validQr: validCard.qr_text,
      validCardNumber: validCard.card_number,
      notValidQrs: [revokedCard.qr_text],
      t,
    });

    const log = server.log();
    for (const secret of [validCard.card_number, revokedCard.card_number, validCard.qr_text.split('#')[1].slice(0, 40)]) {
      assert.ok(!log.includes(secret), 'the server log never holds a card number or token');
    }
  } finally {
    await browser.close();
    server.stop();
  }
});
