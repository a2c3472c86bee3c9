// The verifier page against the real muni-id server: a card issued through the API verifies
// VALID in Chromium, a revoked one NOT VALID, and the page never sends the token anywhere.
// Needs the debug binary (`cargo test` or `cargo build` makes it; MUNI_ID_BIN overrides).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkVerifierPage, launchChromium } from './verifier-checks.mjs';
import { PHOTO, startServer } from './ui-helpers.mjs';

const PASSWORD = 'browser test passphrase';

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
  const server = await startServer([{ username: 'browser.clerk', role: 'clerk', password: PASSWORD }]);
  const browser = await launchChromium();
  try {
    const { token } = await api(server.base, null, '/api/v1/sessions', { username: 'browser.clerk', password: PASSWORD });
    const photo = readFileSync(PHOTO).toString('base64');
    const enroll = (name) => api(server.base, token, '/api/v1/residents', {
      legal_name: name, date_of_birth: '1990-04-01', photo, documents: ['passport', 'utility_bill'],
    });
    const valid = await enroll('María José Valid');
    const validCard = await api(server.base, token, `/api/v1/residents/${valid.resident_id}/cards`, { reason: 'new', fee: { outcome: 'paid' } });
    const revoked = await enroll('Ramón Revoked');
    const revokedCard = await api(server.base, token, `/api/v1/residents/${revoked.resident_id}/cards`, { reason: 'new', fee: { outcome: 'paid' } });
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
