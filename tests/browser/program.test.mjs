// Running a program on the staff pages (issue 12), in headless Chromium against the real server:
// a child is enrolled only with a caretaker whose identity was checked; a card is issued only
// once its fee is marked paid or waived; the admin's policy page shows the age bands and fees;
// the auditor downloads the council's program report from the month fields. Each page is
// axe-clean and photographed in English, Spanish and Arabic (screenshots/program-*.png).
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  axeClean, submit,
  PHOTO, launchWithCamera, logIn, logOut, overflow, screenshotPath, startServer,
} from './ui-helpers.mjs';

const CLERK = { username: 'program.clerk', role: 'clerk', password: 'program clerk passphrase' };
const AUDITOR = { username: 'program.auditor', role: 'auditor', password: 'program auditor passphrase' };
const ADMIN = { username: 'program.admin', role: 'admin', password: 'program admin passphrase' };
const DESKTOP = { width: 1280, height: 900 };

/** A date of birth `years` ago, less a day (the birthday was yesterday). */
function bornYearsAgo(years) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function fillChild(page) {
  await page.check('#doc-passport');
  await page.check('#doc-utility_bill');
  await page.fill('#legal_name', 'Lucía Pequeña');
  await page.fill('#date_of_birth', bornYearsAgo(12));
  await page.setInputFiles('#photo', PHOTO);
}

test('minors, fees and the council report on the staff pages, in three languages', async (t) => {
  const server = await startServer([CLERK, AUDITOR, ADMIN]);
  const browser = await launchWithCamera();
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: 'en-US' });
  const page = await context.newPage();
  const base = server.base;
  let reviewPath;
  t.after(async () => {
    await browser.close();
    server.stop();
  });

  await t.test('a child without a caretaker is refused beside the caretaker field, then enrolled with one', async () => {
    await logIn(page, base, CLERK.username, CLERK.password);
    await page.goto(`${base}/enroll`);
    assert.match(await page.textContent('#caretaker-hint'), /Ages 10 to 13 apply with a caretaker/);
    await fillChild(page);
    await submit(page, '#enroll-form button[type=submit]');
    assert.match(page.url(), /\/enroll$/);
    assert.match(await page.textContent('#caretaker-error'), /applies with a parent, legal guardian or other caretaker/);
    const summary = await page.$$eval('#error-summary li a', (links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(summary, ['#caretaker']);
    await axeClean(page, 'enroll: caretaker required');
    await page.screenshot({ path: screenshotPath('program-caretaker-required-en'), fullPage: true });

    await page.selectOption('#caretaker', 'parent');
    await submit(page, '#enroll-form button[type=submit]');
    assert.match(await page.textContent('#caretaker_identity_checked-error'), /Check the caretaker’s identity/);
    assert.equal(await page.inputValue('#caretaker'), 'parent', 'the choice is kept');

    await page.check('#caretaker_identity_checked');
    await submit(page, '#enroll-form button[type=submit]');
    assert.match(page.url(), /\/residents\/[0-9a-f-]{36}\/review$/);
    reviewPath = new URL(page.url()).pathname;
  });

  await t.test('the review page shows the fees; a child’s new card is free and issued at once', async () => {
    assert.match(await page.textContent('#fee-group caption'), /Fees for this resident \(Child\)/);
    assert.match(await page.textContent('#fee-group tbody'), /New card\s*No fee/);
    await axeClean(page, 'review with fees');
    await submit(page, '.issue-form button[type=submit]');
    assert.match(page.url(), /\/cards\/\d{12}$/);
  });

  await t.test('an adult’s card waits for its fee; waived under a category, it is issued', async () => {
    const login = await fetch(`${server.direct}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: CLERK.username, password: CLERK.password }),
    });
    const { token } = await login.json();
    const enrolled = await fetch(`${server.direct}/api/v1/residents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        legal_name: 'Adulta Mayor',
        date_of_birth: '1980-03-03',
        photo: readFileSync(PHOTO).toString('base64'),
        documents: ['passport', 'lease'],
      }),
    });
    assert.equal(enrolled.status, 201);
    const { resident_id: id } = await enrolled.json();
    await page.goto(`${base}/residents/${id}/review`);
    await submit(page, '.issue-form button[type=submit]');
    assert.match(await page.textContent('#fee-error'), /A fee of 15\.00 USD is due/);
    assert.equal(await page.getAttribute('#fee-group', 'aria-describedby'), 'fee-hint fee-error');
    await axeClean(page, 'review: fee required');
    await page.screenshot({ path: screenshotPath('program-fee-required-en'), fullPage: true });
    await page.check('#fee-waived');
    await page.selectOption('#waiver', 'low_income');
    await submit(page, '.issue-form button[type=submit]');
    assert.match(page.url(), /\/cards\/\d{12}$/);
    reviewPath = `/residents/${id}/review`;
    await logOut(page);
  });

  await t.test('the admin’s policy page lists the age bands, their fees and the waivers', async () => {
    await logIn(page, base, ADMIN.username, ADMIN.password);
    await page.goto(`${base}/admin/policy`);
    const bands = await page.textContent('section[aria-labelledby=bands-title]');
    assert.match(bands, /Child\s*child\s*10 to 13\s*required\s*2 years/);
    assert.match(bands, /Adult\s*adult\s*18 to 64\s*applies alone\s*5 years\s*15\.00\s*10\.00\s*0\.00/);
    assert.match(bands, /Survivor of violence/);
    await axeClean(page, 'policy');
    await logOut(page);
  });

  await t.test('the auditor downloads the council report from the month fields, up to last month', async () => {
    await logIn(page, base, AUDITOR.username, AUDITOR.password);
    await page.goto(`${base}/audit`);
    await axeClean(page, 'audit with the program report');
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    const lastMonth = last.toISOString().slice(0, 7);
    assert.equal(await page.inputValue('#program-to'), lastMonth, 'a report ends with the last month that is over');
    await page.selectOption('#program-format', 'csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.program-form button[type=submit]'),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), /^program-report-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(csv.split('\n').includes('table,row,column,value'), csv);
    assert.ok(csv.split('\n').includes(`card_issued,new,${lastMonth},0`), csv);
    assert.ok(csv.split('\n').some((l) => l.startsWith('signed-report,')), 'signed');
    assert.ok(!/Adulta|Lucía/.test(csv), 'no name in the report');
  });

  await t.test('each page in English, Spanish and Arabic: no sideways scrolling, right to left in Arabic', async () => {
    const shots = [
      ['enroll', CLERK, '/enroll'],
      ['review', CLERK, reviewPath],
      ['policy', ADMIN, '/admin/policy'],
      ['audit', AUDITOR, '/audit'],
    ];
    for (const lang of ['en', 'es', 'ar']) {
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: lang });
      const p = await ctx.newPage();
      await p.goto(`${base}/lang/${lang}?back=/login`);
      let who;
      for (const [name, staff, path] of shots) {
        if (who !== staff) {
          if (who) await logOut(p);
          await logIn(p, base, staff.username, staff.password);
          who = staff;
        }
        await p.goto(`${base}${path}`);
        const label = `${lang} ${name}`;
        assert.equal(await p.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr', label);
        assert.deepEqual(await overflow(p), { scroll: false, wide: [] }, `${label}: nothing scrolls sideways`);
        await axeClean(p, label);
        await p.screenshot({ path: screenshotPath(`program-${name}-${lang}`), fullPage: true });
      }
      await ctx.close();
    }
  });
});
