// Every page in every language the pages speak (issue 13), in headless Chromium against the real
// server: the public pages (log-in, the residents' document pre-check), the clerk's pages
// (enrollment, finding, a resident's record, review, the card, pick-ups, the account) with a
// resident and a card on record, the admin's pages and the auditor's retention report. Each is
// in its language (`<html lang>`, the language's own name marked current in the menu), right to
// left for Arabic and Urdu, axe-clean, scrolls nowhere sideways, and is photographed
// (screenshots/lang-<page>-<language>.png).
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, axeClean, launchWithCamera, logIn, overflow, screenshotPath, startServer, submit, PHOTO,
} from './ui-helpers.mjs';

const CLERK = { username: 'lang.clerk', role: 'clerk', password: 'languages clerk passphrase' };
const ADMIN = { username: 'lang.admin', role: 'admin', password: 'languages admin passphrase' };
const AUDITOR = { username: 'lang.auditor', role: 'auditor', password: 'languages auditor passphrase' };
const DESKTOP = { width: 1280, height: 900 };
const RIGHT_TO_LEFT = new Set(['ar', 'ur']);

/** The languages the pages speak: one catalogue per file under locales/, named by itself. */
function languages() {
  const dir = join(ROOT, 'locales');
  // MUNI_ID_TEST_LANGS=ur,zh-Hant narrows a run to those languages (while working on them).
  const only = process.env.MUNI_ID_TEST_LANGS?.split(',');
  return readdirSync(dir).filter((f) => f.endsWith('.ftl')).sort().filter((f) => !only || only.includes(f.slice(0, -4))).map((file) => {
    const name = readFileSync(join(dir, file), 'utf8').match(/^language-name = (.+)$/m)[1].trim();
    return { code: file.slice(0, -'.ftl'.length), name };
  });
}

async function api(server, token, method, path, body) {
  const res = await fetch(`${server.direct}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** The clerk enrolls a resident (the fields given over these) and issues a card, paid. */
async function enrollWithCard(server, fields) {
  const { body: session } = await api(server, null, 'POST', '/api/v1/sessions', {
    username: CLERK.username, password: CLERK.password,
  });
  const enrolled = await api(server, session.token, 'POST', '/api/v1/residents', {
    legal_name: 'Amara Okafor-Nguyễn',
    date_of_birth: '1984-11-23',
    address: { line1: '12 Elm St', city: 'Springfield', postal_code: '01101' },
    photo: readFileSync(PHOTO).toString('base64'),
    documents: ['passport', 'lease'],
    ...fields,
  });
  assert.equal(enrolled.status, 201, JSON.stringify(enrolled.body));
  const id = enrolled.body.resident_id;
  const issued = await api(server, session.token, 'POST', `/api/v1/residents/${id}/cards`, {
    reason: 'new', fee: { outcome: 'paid' },
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return { id, number: issued.body.card_number };
}

test('every page in every language', async (t) => {
  const server = await startServer([CLERK, ADMIN, AUDITOR]);
  const browser = await launchWithCamera();
  t.after(async () => {
    await browser.close();
    server.stop();
  });

  // A centre, so the clerk works at a site and the pick-up queue has one.
  {
    const ctx = await browser.newContext({ viewport: DESKTOP });
    const p = await ctx.newPage();
    await logIn(p, server.base, ADMIN.username, ADMIN.password);
    await p.goto(`${server.base}/admin/sites`);
    await p.fill('#site-name', 'Downtown Centre');
    await p.fill('#site-code', 'downtown');
    await p.selectOption('#site-kind', 'centre');
    await submit(p, '#site-add button[type=submit]');
    assert.match(await p.textContent('#sites-status'), /Downtown Centre was added/);
    await ctx.close();
  }

  const { id, number } = await enrollWithCard(server, {
    languages: ['fr', 'en'],
    veteran: true,
    organ_donor: true,
    // The card's words in Arabic too, under the card's own: the previews show both.
    card_language: 'ar',
  });

  const pages = {
    anonymous: [['login', '/login'], ['check', '/check']],
    [CLERK.username]: [
      ['enroll', '/enroll'],
      ['find', '/residents/find'],
      ['resident', `/residents/${id}`],
      ['edit', `/residents/${id}/edit`],
      ['review', `/residents/${id}/review`],
      ['card', `/residents/${id}/cards/${number}`],
      ['pickups', '/pickups'],
      ['account', '/account'],
    ],
    [ADMIN.username]: [
      ['staff', '/admin/staff'],
      ['policy', '/admin/policy'],
      ['sites', '/admin/sites'],
      ['holds', '/admin/holds'],
    ],
    [AUDITOR.username]: [['audit', '/audit']],
  };
  const passwords = Object.fromEntries([CLERK, ADMIN, AUDITOR].map((s) => [s.username, s.password]));

  for (const { code, name } of languages()) {
    await t.test(`${code}: every page in ${name}`, async () => {
      for (const [who, shots] of Object.entries(pages)) {
        const ctx = await browser.newContext({ viewport: DESKTOP });
        const p = await ctx.newPage();
        await p.goto(`${server.base}/lang/${code}?back=/login`);
        if (who !== 'anonymous') await logIn(p, server.base, who, passwords[who]);
        if (p.url().includes('/site?next=')) {
          await p.check('#site-downtown');
          await submit(p, '#site-choice button[type=submit]');
        }
        for (const [page, path] of shots) {
          const label = `${code} ${page}`;
          const res = await p.goto(`${server.base}${path}`);
          assert.equal(res.status(), 200, `${label}: ${path}`);
          assert.equal(await p.getAttribute('html', 'lang'), code, label);
          assert.equal(await p.getAttribute('html', 'dir'), RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr', label);
          assert.equal(
            (await p.textContent('.langs [aria-current=true]'))?.trim(), name,
            `${label}: the menu marks the language by its own name`,
          );
          assert.deepEqual(await overflow(p), { scroll: false, wide: [] }, `${label}: nothing scrolls sideways`);
          if (page === 'review' || page === 'card') {
            const second = p.locator('.card-preview .c-dob small .second');
            assert.equal(await second.getAttribute('lang'), 'ar', `${label}: the card's second language`);
            assert.equal(await second.getAttribute('dir'), 'rtl', label);
          }
          await axeClean(p, label);
          await p.screenshot({ path: screenshotPath(`lang-${page}-${code}`), fullPage: true });
        }
        await ctx.close();
      }
    });
  }
});

// A city whose card language is Arabic: the preview is laid out from the right, as the PDF
// prints it (photo right of the names, QR code right of the details), an English second
// language's labels stay left to right, and the back names the resident's languages in Arabic.
test('a card whose own language is right to left is previewed from the right', async (t) => {
  const server = await startServer([CLERK], { MUNI_ID__CARD_DESIGN__LANGUAGE: 'ar' });
  const browser = await launchWithCamera();
  t.after(async () => {
    await browser.close();
    server.stop();
  });
  const { id, number } = await enrollWithCard(server, { languages: ['es', 'ko'], card_language: 'en' });

  const ctx = await browser.newContext({ viewport: DESKTOP });
  const p = await ctx.newPage();
  await logIn(p, server.base, CLERK.username, CLERK.password);
  const res = await p.goto(`${server.base}/residents/${id}/cards/${number}`);
  assert.equal(res.status(), 200);
  assert.equal(await p.getAttribute('html', 'dir'), 'ltr', 'the page stays in the clerk\'s language');
  assert.equal(await p.getAttribute('.card-preview', 'dir'), 'rtl');
  const box = async (selector) => p.locator(selector).boundingBox();
  const [photo, names, qr, details] = await Promise.all(
    ['.card-front .photo', '.card-front .names', '.card-back .qr', '.card-back .details'].map(box),
  );
  assert.ok(photo.x > names.x + names.width - 1, `the photo is right of the names: ${JSON.stringify({ photo, names })}`);
  assert.ok(qr.x > details.x + details.width - 1, `the QR code is right of the details: ${JSON.stringify({ qr, details })}`);
  const numberBox = await box('.card-back .qr-number');
  assert.ok(Math.abs(numberBox.x + numberBox.width / 2 - (qr.x + qr.width / 2)) < 2, 'the number is centred under the QR code');
  const second = p.locator('.card-preview .c-dob small .second');
  assert.equal(await second.getAttribute('lang'), 'en');
  assert.equal(await second.getAttribute('dir'), 'ltr');
  assert.equal(await second.evaluate((el) => getComputedStyle(el).textAlign), 'left');
  for (const number of ['.card-front .c-number strong', '.card-back .qr-number .mono']) {
    assert.equal(await p.locator(number).evaluate((el) => getComputedStyle(el).direction), 'ltr', number);
  }
  const languages = p.locator('.card-back .details > span[lang=ar]');
  assert.equal((await languages.textContent()).trim(), 'الإسبانية، الكورية');
  assert.deepEqual(await overflow(p), { scroll: false, wide: [] }, 'nothing scrolls sideways');
  await axeClean(p, 'rtl card preview');
  await p.locator('.card-preview').screenshot({ path: screenshotPath('lang-card-preview-ar-own') });
  await ctx.close();
});
