// The staff pages in headless Chromium against the real server: a clerk logs in, enrolls a
// resident with a file photo and another with the (fake) webcam, watches the points total,
// is refused short of points, reviews, issues and prints the card (a PDF), finds the resident
// and revokes the card; an auditor sees the retention report but not a resident; an
// administrator manages staff; a form without its CSRF token is refused; axe-core finds no
// serious or critical violation on any page; the enrollment page weighs under 100 KB; and every
// page is photographed in English, Spanish and Arabic (screenshots/ui-*.png) and checked for
// sideways overflow and right-to-left layout.
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  axeClean,
  NEVER_COLLECTED, PHOTO, launchWithCamera, logIn, logOut, overflow, screenshotPath,
  startServer,
} from './ui-helpers.mjs';

const CLERK = { username: 'ui.clerk', role: 'clerk', password: 'clerk browser passphrase' };
const AUDITOR = { username: 'ui.auditor', role: 'auditor', password: 'auditor browser passphrase' };
const ADMIN = { username: 'ui.admin', role: 'admin', password: 'admin browser passphrase' };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const WEIGHT_LIMIT = 100 * 1024;

/** Watches a page for CSP violations and script errors, and keeps every HTML page it loads. */
function watch(page, problems, html) {
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to/i.test(text) || (msg.type() === 'error' && !/status of 4[0-9][0-9]/.test(text))) {
      problems.push(`console ${msg.type()}: ${text}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', async (response) => {
    if ((response.headers()['content-type'] || '').startsWith('text/html')) {
      html.push({ url: response.url(), body: await response.text().catch(() => '') });
    }
  });
}

async function fillResident(page, { name, dob, documents, photo = true }) {
  for (const code of documents) await page.check(`#doc-${code}`);
  await page.fill('#legal_name', name);
  await page.fill('#preferred_name', 'Pepe');
  await page.fill('#date_of_birth', dob);
  await page.check('#gender-X');
  await page.check('#address-kind-home');
  await page.fill('#address_line1', '12 Elm St');
  await page.fill('#address_city', 'Springfield');
  await page.fill('#address_postal_code', '01101');
  await page.selectOption('#language_1', 'es');
  await page.selectOption('#language_2', 'en');
  await page.fill('#emergency_name', 'Ana Núñez');
  await page.fill('#emergency_phone', '+1 413 555 0100');
  await page.check('#organ_donor');
  if (photo) await page.setInputFiles('#photo', PHOTO);
}

// Waits for the navigation the submit starts (its commit), then for that page to load: waiting
// for 'load' alone could resolve on the page being left.
async function submitEnrollment(page) {
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await page.click('#enroll-form button[type=submit]');
  await navigated;
  await page.waitForLoadState('load');
}

async function pointsText(page, kind) {
  return (await page.textContent(`#points [data-kind=${kind}]`)).replace(/\s+/g, ' ').trim();
}

test('staff pages: enroll, print, find, revoke, audit, administer — in three languages', async (t) => {
  const server = await startServer([CLERK, AUDITOR, ADMIN]);
  const browser = await launchWithCamera();
  const problems = [];
  const html = [];
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: 'en-US' });
  const page = await context.newPage();
  watch(page, problems, html);
  const base = server.base;
  let residentId;
  let cardNumber;
  const pages = {}; // page name → path, for the screenshots in three languages

  try {
    await t.test('a wrong password is refused with a clear message; a clerk logs in', async () => {
      await logIn(page, base, CLERK.username, 'not the password');
      assert.match(await page.textContent('.notice-error'), /username or password is wrong/);
      await axeClean(page, 'login');
      await logIn(page, base, CLERK.username, CLERK.password);
      assert.match(page.url(), /\/enroll$/);
      pages.login = '/login';
    });

    await t.test('the enrollment page weighs under 100 KB (HTML + CSS + JS)', async () => {
      await page.goto(`${base}/enroll`, { waitUntil: 'load' });
      const sizes = await page.evaluate(() => {
        const out = {};
        const [nav] = performance.getEntriesByType('navigation');
        out[nav.name] = nav.decodedBodySize;
        for (const r of performance.getEntriesByType('resource')) {
          if (/\.(css|js)$/.test(new URL(r.name).pathname)) out[r.name] = r.decodedBodySize;
        }
        return out;
      });
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      t.diagnostic(`enrollment page weight: ${total} bytes (${JSON.stringify(sizes)})`);
      console.log(`# enrollment page weight: ${total} bytes = ${(total / 1024).toFixed(1)} KB`);
      assert.equal(Object.keys(sizes).length, 4, 'the page, app.css, points.js and enroll.js');
      assert.ok(total < WEIGHT_LIMIT, `${total} bytes`);
    });

    await t.test('the points total changes as documents are ticked', async () => {
      await page.goto(`${base}/enroll`);
      assert.match(await pointsText(page, 'identity'), /0 \/ 3 ✗ 3 more needed/);
      await page.check('#doc-birth_certificate');
      assert.match(await pointsText(page, 'identity'), /1 \/ 3 ✗ 2 more needed/);
      await page.check('#doc-drivers_license');
      assert.match(await pointsText(page, 'identity'), /3 \/ 3 ✓ requirement met/);
      assert.match(await pointsText(page, 'residency'), /1 \/ 1 ✓ requirement met/);
      await page.uncheck('#doc-drivers_license');
      assert.match(await pointsText(page, 'residency'), /0 \/ 1 ✗ 1 more needed/);
    });

    await t.test('the points checklist works from the keyboard alone, with a visible focus', async () => {
      await page.goto(`${base}/enroll`);
      await page.focus('#doc-consular_id');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement.id);
      assert.equal(focused, 'doc-drivers_license');
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`;
      });
      assert.ok(!/^none 0px none$/.test(outline), `focus is visible: ${outline}`);
      await page.keyboard.press('Space');
      assert.match(await pointsText(page, 'identity'), /2 \/ 3/);
    });

    await t.test('several problems are all shown at once, in the order of the form', async () => {
      await page.goto(`${base}/enroll`);
      await fillResident(page, { name: 'José Núñez', dob: '2031-01-01', documents: ['birth_certificate', 'utility_bill'] });
      await submitEnrollment(page);
      assert.match(page.url(), /\/enroll$/);
      assert.match(await page.textContent('#documents-error'), /3 and 1 are needed/);
      assert.match(await page.textContent('#date_of_birth-error'), /future/i);
      const summary = await page.$$eval('#error-summary li a', (links) => links.map((a) => a.getAttribute('href')));
      assert.deepEqual(summary, ['#documents', '#date_of_birth']);
      assert.match(await page.textContent('#error-summary h2'), /The form has 2 problems/);
      assert.equal(await page.getAttribute('#date_of_birth', 'aria-invalid'), 'true');
    });

    await t.test('short of points: the error is beside the documents and nothing typed is lost', async () => {
      await page.goto(`${base}/enroll`);
      await fillResident(page, { name: 'José Núñez', dob: '1990-04-01', documents: ['birth_certificate', 'utility_bill'] });
      await submitEnrollment(page);
      assert.match(page.url(), /\/enroll$/);
      const error = await page.textContent('#documents-error');
      assert.match(error, /1 identity and 1 residency points; 3 and 1 are needed/);
      assert.match(await page.textContent('#error-summary'), /3 and 1 are needed/);
      assert.equal(await page.inputValue('#legal_name'), 'José Núñez');
      assert.equal(await page.inputValue('#address_line1'), '12 Elm St');
      assert.equal(await page.inputValue('#language_1'), 'es');
      assert.ok(await page.isChecked('#doc-utility_bill'));
      assert.ok(await page.isChecked('#gender-X'));
      assert.ok(await page.isVisible('#photo-kept'), 'the photo is kept');
      await axeClean(page, 'enroll with error');
      pages.enrollError = 'enrollError';
    });

    await t.test('with enough points the resident is enrolled and the card previewed', async () => {
      await page.check('#doc-passport');
      await submitEnrollment(page);
      const match = page.url().match(/\/residents\/([0-9a-f-]{36})\/review$/);
      assert.ok(match, page.url());
      residentId = match[1];
      assert.match(await page.textContent('.card-front'), /José Núñez/);
      assert.match(await page.textContent('.card-front'), /1 Apr 1990/);
      assert.match(await page.textContent('.card-back'), /ORGAN DONOR/);
      assert.match(await page.textContent('.card-back'), /Spanish, English/);
      await axeClean(page, 'review');
      pages.review = `/residents/${residentId}/review`;
    });

    await t.test('a card whose fee is not recorded is not issued; the page says what is due', async () => {
      await page.click('.issue-form button[type=submit]');
      await page.waitForSelector('.notice-error');
      assert.match(await page.textContent('.notice-error'), /A fee of 15\.00 USD is due/);
      assert.match(page.url(), /\/residents\/[^/]+\/cards$/, 'still on the issue form');
      await axeClean(page, 'fee required');
    });

    await t.test('issue and print: the PDF opens, then the card reads "Card issued"', async () => {
      await page.check('#fee-paid');
      await Promise.all([page.waitForURL(/\/cards\/\d{12}$/), page.click('.issue-form button[type=submit]')]);
      cardNumber = page.url().match(/\/cards\/(\d{12})$/)[1];
      assert.match(await page.textContent('#card-state'), /Ready to print/);
      await axeClean(page, 'card ready');
      const [popup, response] = await Promise.all([
        context.waitForEvent('page'),
        context.waitForEvent('response', (r) => r.url().endsWith('/print') && r.request().method() === 'POST'),
        page.click('#print-form button'),
      ]);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      assert.match(response.headers()['content-disposition'], /^inline/);
      // The new tab shows the PDF in the browser's viewer (whose print button prints it); the
      // same form posted again gives the bytes to check.
      assert.ok(popup !== page, 'the PDF opened in a new tab');
      await popup.close();
      const csrf = await page.getAttribute('#print-form input[name=csrf]', 'value');
      const again = await page.request.post(`${base}/residents/${residentId}/cards/${cardNumber}/print`, {
        form: { csrf },
      });
      assert.equal(again.status(), 200);
      const pdf = await again.body();
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.ok(pdf.length > 5000, `${pdf.length} bytes`);
      await Promise.all([page.waitForLoadState('load'), page.click('#printed-done')]);
      assert.match(await page.textContent('#card-state'), /Card issued/);
      assert.match(await page.textContent('#card-state'), new RegExp(cardNumber.slice(0, 4)));
      await axeClean(page, 'card issued');
      pages.card = `/residents/${residentId}/cards/${cardNumber}`;
    });

    await t.test('the same name and birth date warns of a duplicate; confirming enrolls', async () => {
      await page.goto(`${base}/enroll`);
      await fillResident(page, { name: 'José Núñez', dob: '1990-04-01', documents: ['passport', 'lease'] });
      await submitEnrollment(page);
      assert.match(await page.textContent('#duplicate'), /already enrolled/);
      assert.equal(await page.getAttribute('#duplicate a', 'href'), `/residents/${residentId}`);
      await axeClean(page, 'duplicate warning');
      await page.check('#confirm_not_duplicate');
      await submitEnrollment(page);
      assert.match(page.url(), /\/review$/);
    });

    await t.test('the webcam (fake device): take, retake, enroll', async () => {
      await page.goto(`${base}/enroll`);
      await fillResident(page, { name: 'Camera Resident', dob: '1985-07-15', documents: ['passport', 'bank_statement'], photo: false });
      assert.ok(await page.isVisible('#camera'), 'the camera panel shows when getUserMedia exists');
      await page.click('#camera-start');
      await page.waitForFunction(() => document.getElementById('camera-video').videoWidth > 0);
      await page.click('#camera-take');
      await page.waitForFunction(() => document.getElementById('photo').files.length === 1);
      assert.ok(await page.isVisible('#photo-preview'));
      await page.click('#camera-retake');
      await page.waitForFunction(() => document.getElementById('camera-video').videoWidth > 0);
      await page.click('#camera-take');
      await page.waitForFunction(() => !document.getElementById('camera-retake').hidden);
      await submitEnrollment(page);
      assert.match(page.url(), /\/review$/, `enrolled with the camera photo: ${page.url()}`);
      // Let the review page settle before reloading it (a reload during navigation detaches).
      await page.waitForLoadState('load');
      const [photo] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/photo')),
        page.reload(),
      ]);
      assert.equal(photo.headers()['content-type'], 'image/jpeg');
    });

    await t.test('find a resident by exact name and birth date (no name in the URL)', async () => {
      await page.goto(`${base}/residents/find`);
      pages.find = '/residents/find';
      await axeClean(page, 'find');
      await page.fill('#legal_name', 'Nobody Known');
      await page.fill('#date_of_birth', '1970-01-01');
      await Promise.all([page.waitForLoadState('load'), page.click('#find-form button')]);
      assert.match(await page.textContent('.results'), /No resident matches/);
      await page.fill('#legal_name', 'Camera Resident');
      await page.fill('#date_of_birth', '1985-07-15');
      await Promise.all([page.waitForURL(/\/residents\/[0-9a-f-]{36}$/), page.click('#find-form button')]);
      assert.ok(!/Camera|1985/.test(page.url()));
      await page.goto(`${base}/residents/find`);
      await page.fill('#legal_name', 'José Núñez');
      await page.fill('#date_of_birth', '1990-04-01');
      await Promise.all([page.waitForLoadState('load'), page.click('#find-form button')]);
      assert.match(await page.textContent('.results'), /2 records match/);
      await Promise.all([page.waitForLoadState('load'), page.click(`.results a[href="/residents/${residentId}"]`)]);
      assert.match(await page.textContent('h1'), /José Núñez/);
      assert.match(await page.textContent('table.cards'), /Active/);
      await axeClean(page, 'resident');
      pages.resident = `/residents/${residentId}`;
    });

    await t.test('change the address, then revoke the card with a reason', async () => {
      await page.goto(`${base}/residents/${residentId}/edit`);
      pages.edit = `/residents/${residentId}/edit`;
      await axeClean(page, 'edit');
      await page.check('#address-kind-care_of');
      await page.fill('#address_care_of', 'Harbor Shelter');
      await Promise.all([page.waitForURL(/done=updated/), page.click('form.stack button[type=submit]')]);
      assert.match(await page.textContent('.facts'), /c\/o Harbor Shelter/);
      await page.selectOption(`#reason-${cardNumber}`, 'stolen');
      await Promise.all([page.waitForURL(/done=revoked/), page.click('form.revoke button')]);
      assert.match(await page.textContent('.notice-ok'), /has been revoked/);
      assert.match(await page.textContent('table.cards'), /Revoked/);
      const status = await fetch(`${base}/api/v1/cards/${cardNumber}`);
      assert.equal(status.status, 401, 'the API still needs a bearer token (or a cookie) to read a card');
    });

    await t.test('a replacement for the stolen card is issued and printed', async () => {
      await page.goto(`${base}/residents/${residentId}/review`);
      await page.selectOption('#reason', 'replacement_stolen');
      await page.check('#fee-waived');
      await page.selectOption('#waiver', 'low_income');
      await Promise.all([page.waitForURL(/\/cards\/\d{12}$/), page.click('.issue-form button[type=submit]')]);
      const replacement = page.url().match(/\/cards\/(\d{12})$/)[1];
      assert.notEqual(replacement, cardNumber);
      const csrf = await page.getAttribute('#print-form input[name=csrf]', 'value');
      const printed = await page.request.post(`${base}/residents/${residentId}/cards/${replacement}/print`, { form: { csrf } });
      assert.equal(printed.status(), 200);
      await page.reload();
      assert.match(await page.textContent('#card-state'), /Card issued/);
      pages.card = `/residents/${residentId}/cards/${replacement}`;
      await page.goto(`${base}/residents/${residentId}`);
      assert.match(await page.textContent('table.cards'), /Replacement: stolen/);
    });

    await t.test('a form posted without its CSRF token is refused', async () => {
      await page.goto(`${base}/residents/find`);
      await page.evaluate(() => document.querySelector('#find-form input[name=csrf]').remove());
      await page.fill('#legal_name', 'José Núñez');
      await page.fill('#date_of_birth', '1990-04-01');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/residents/find') && r.request().method() === 'POST'),
        page.click('#find-form button'),
      ]);
      assert.equal(response.status(), 403);
      assert.match(await page.textContent('h1'), /This form cannot be accepted/);
      await axeClean(page, 'csrf refusal');
      const forged = await page.evaluate(async () => {
        const body = new URLSearchParams({ csrf: '00'.repeat(32), reason: 'lost' });
        const r = await fetch(location.pathname.replace('/residents/find', '/logout'), { method: 'POST', body });
        return r.status;
      });
      assert.equal(forged, 403, 'a wrong token is refused too');
      await logOut(page);
    });

    await t.test('an auditor sees the retention report and its downloads, but no resident', async () => {
      await logIn(page, base, AUDITOR.username, AUDITOR.password);
      assert.match(page.url(), /\/audit$/);
      pages.audit = '/audit';
      assert.match(await page.textContent('#chain-state'), /Audit chain intact/);
      assert.ok(await page.isVisible('svg.chart'));
      assert.ok((await page.locator('svg.chart rect.bar').count()) >= 3);
      await axeClean(page, 'audit');
      // 45 days on, the residents never issued a card (30 days) are overdue: the chart shows it.
      const later = new Date(Date.now() + 45 * 86400e3).toISOString().slice(0, 10);
      await page.goto(`${base}/audit?as_of=${later}`);
      assert.ok((await page.locator('svg.chart rect.bar.over').count()) >= 1);
      assert.match(await page.textContent('#overdue-state'), /kept past their policy/);
      pages.audit = `/audit?as_of=${later}`;
      for (const format of ['json', 'csv']) {
        const r = await page.request.get(`${base}/api/v1/reports/retention?format=${format}`);
        assert.equal(r.status(), 200, `${format} download with the session cookie`);
        if (format === 'json') assert.ok((await r.json()).signature);
      }
      const pdf = await page.request.get(`${base}/api/v1/reports/retention?format=pdf`);
      t.diagnostic(`retention report PDF download: ${pdf.status()}`);
      const post = await page.request.post(`${base}/api/v1/residents/search`, {
        data: { legal_name: 'José Núñez', date_of_birth: '1990-04-01' },
      });
      assert.equal(post.status(), 401, 'the cookie opens no change through the API');
      const refused = await page.goto(`${base}/residents/${residentId}`);
      assert.equal(refused.status(), 403);
      assert.match(await page.textContent('h1'), /Not allowed/);
      assert.match(await page.textContent('main'), /auditor/);
      pages.forbidden = `/residents/${residentId}`;
      await axeClean(page, 'forbidden');
      await logOut(page);
    });

    await t.test('an administrator adds an account and sees policy and keys', async () => {
      await logIn(page, base, ADMIN.username, ADMIN.password);
      assert.match(page.url(), /\/admin\/staff$/);
      pages.staff = '/admin/staff';
      await page.fill('#new-username', 'new.clerk');
      await page.selectOption('#new-role', 'supervisor');
      await Promise.all([page.waitForLoadState('load'), page.click('form.stack button[type=submit]')]);
      assert.match(await page.textContent('#one-time-password'), /new\.clerk/);
      assert.match(await page.textContent('table.staff'), /new\.clerk/);
      await axeClean(page, 'staff');
      await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Disable new.clerk")')]);
      assert.match(await page.textContent('.notice-ok'), /is disabled/);
      await page.goto(`${base}/admin/policy`);
      pages.policy = '/admin/policy';
      assert.match(await page.textContent('main'), /Passport/);
      await axeClean(page, 'policy');
      await logOut(page);
    });

    await t.test('too many failed logins: a clear "wait" message', async () => {
      let status = 0;
      for (let i = 0; i < 6; i += 1) {
        await page.goto(`${base}/login`);
        await page.fill('#username', 'nobody.here');
        await page.fill('#password', 'wrong password');
        const [r] = await Promise.all([
          page.waitForResponse((x) => x.url().endsWith('/login') && x.request().method() === 'POST'),
          page.click('button[type=submit].primary'),
        ]);
        status = r.status();
      }
      assert.equal(status, 429);
      assert.match(await page.textContent('.notice-error'), /Too many failed attempts\. Wait \d+ seconds, then try again\./);
    });

    await t.test('every page in English, Spanish and Arabic: screenshots, no overflow, RTL, axe', async () => {
      const shots = [
        ['login', null, '/login'],
        ['enroll', CLERK, '/enroll'],
        ['enroll-error', CLERK, 'enrollError'],
        ['find', CLERK, pages.find],
        ['resident', CLERK, pages.resident],
        ['edit', CLERK, pages.edit],
        ['review', CLERK, pages.review],
        ['card', CLERK, pages.card],
        ['audit', AUDITOR, pages.audit],
        ['forbidden', AUDITOR, pages.forbidden],
        ['staff', ADMIN, pages.staff],
        ['policy', ADMIN, pages.policy],
      ];
      for (const lang of ['en', 'es', 'ar']) {
        for (const [viewportName, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
          const ctx = await browser.newContext({ viewport, locale: lang });
          const p = await ctx.newPage();
          watch(p, problems, html);
          let who = null;
          for (const [name, user, path] of shots) {
            if (viewportName === 'phone' && !['login', 'enroll', 'enroll-error', 'resident', 'card', 'audit'].includes(name)) continue;
            if (user !== who) {
              if (who) await logOut(p);
              if (user) await logIn(p, base, user.username, user.password);
              who = user;
            }
            await p.goto(`${base}/lang/${lang}?back=/login`);
            if (path === 'enrollError') {
              await p.goto(`${base}/enroll`);
              await p.setInputFiles('#photo', PHOTO);
              await p.fill('#legal_name', lang === 'ar' ? 'محمد الأمين' : 'María José Núñez');
              await p.fill('#date_of_birth', '2030-01-01');
              await p.check('#doc-passport');
              await submitEnrollment(p);
              await p.waitForSelector('#date_of_birth-error');
            } else {
              await p.goto(`${base}${path}`);
            }
            const label = `${lang} ${viewportName} ${name}`;
            assert.equal(await p.getAttribute('html', 'lang'), lang, label);
            assert.equal(await p.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr', label);
            const wide = await overflow(p);
            assert.ok(!wide.scroll && wide.wide.length === 0, `${label}: overflows ${JSON.stringify(wide)}`);
            if (lang === 'ar' && viewportName === 'desktop') {
              // Mirrored: the site name sits at the right, the main heading starts at the right.
              const brand = await p.locator('.brand').boundingBox();
              assert.ok(brand.x + brand.width > viewport.width / 2, `${label}: the header is mirrored`);
              const align = await p.evaluate(() => getComputedStyle(document.querySelector('main h1')).direction);
              assert.equal(align, 'rtl', label);
            }
            if (viewportName === 'desktop') await axeClean(p, label);
            await p.screenshot({ path: screenshotPath(`ui-${lang}-${viewportName}-${name}`), fullPage: true });
          }
          await ctx.close();
        }
      }
      // The enrollment form shown to a resident in Arabic, for a clerk working in English.
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'en' });
      const p = await ctx.newPage();
      await logIn(p, base, CLERK.username, CLERK.password);
      await p.goto(`${base}/lang/en?back=/enroll`);
      await p.click('.form-lang a[lang=ar]');
      assert.equal(await p.getAttribute('#enroll-form', 'dir'), 'rtl');
      assert.equal(await p.getAttribute('html', 'dir'), 'ltr');
      assert.match(await p.textContent('#enroll-form legend'), /المستندات/);
      await axeClean(p, 'enroll form in Arabic');
      await p.screenshot({ path: screenshotPath('ui-en-desktop-enroll-form-in-ar'), fullPage: true });
      await ctx.close();
    });

    await t.test('no page shows a field or word for data the program never collects', async () => {
      assert.ok(html.length > 20);
      for (const { url, body } of html) {
        for (const word of NEVER_COLLECTED) assert.ok(!word.test(body), `${url} contains ${word}`);
      }
    });

    await t.test('no CSP violation and no script error on any page', async () => {
      assert.deepEqual(problems, []);
    });

    await t.test('the server log holds no name, birth date or card number', async () => {
      const log = server.log();
      for (const secret of ['Núñez', 'Camera Resident', '1990-04-01', cardNumber, 'Harbor Shelter']) {
        assert.ok(!log.includes(secret), `the log holds ${secret}`);
      }
    });
  } finally {
    await browser.close();
    server.stop();
  }
});

// The photo fixture is what the test uploads; fail early if it is missing.
readFileSync(PHOTO);
