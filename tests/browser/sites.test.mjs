// Sites on the staff pages (issue 12), in headless Chromium against the real server: the admin
// adds a library branch and a pop-up event (a pop-up without its last day is refused beside the
// field) and says who works where; a clerk with several sites chooses one before the counter
// pages open, and the header names it; a closed pop-up drops out of the choice; the admin places
// a legal hold on a site's records and lifts it. Each page is
// axe-clean and photographed in English, Spanish and Arabic (screenshots/sites-*.png).
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeClean, submit,
  PHOTO, launchWithCamera, logIn, logOut, overflow, screenshotPath, startServer,
} from './ui-helpers.mjs';

const CLERK = { username: 'sites.clerk', role: 'clerk', password: 'sites clerk passphrase' };
const LIBRARIAN = { username: 'sites.librarian', role: 'clerk', password: 'sites librarian passphrase' };
const ADMIN = { username: 'sites.admin', role: 'admin', password: 'sites admin passphrase' };
const DESKTOP = { width: 1280, height: 900 };

function inDays(days) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test('sites on the staff pages, in three languages', async (t) => {
  const server = await startServer([CLERK, LIBRARIAN, ADMIN]);
  const browser = await launchWithCamera();
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const page = await context.newPage();
  const base = server.base;
  t.after(async () => {
    await browser.close();
    server.stop();
  });

  await t.test('the admin adds a library branch, then a pop-up event once it has its last day', async () => {
    await logIn(page, base, ADMIN.username, ADMIN.password);
    await page.goto(`${base}/admin/sites`);
    assert.match(await page.textContent('#no-sites'), /No sites yet/);
    await page.fill('#site-name', 'Main Library');
    await page.fill('#site-code', 'main-library');
    await page.selectOption('#site-kind', 'library');
    await submit(page, '#site-add button[type=submit]');
    assert.match(await page.textContent('#sites-status'), /Main Library was added/);

    await page.fill('#site-name', 'Summer fair');
    await page.fill('#site-code', 'summer-fair');
    await page.selectOption('#site-kind', 'popup');
    await submit(page, '#site-add button[type=submit]');
    assert.match(await page.textContent('#site-closes-error'), /Error/);
    assert.equal(await page.getAttribute('#site-closes', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#site-name'), 'Summer fair', 'what was typed is kept');
    await axeClean(page, 'sites: pop-up without a last day');
    await page.screenshot({ path: screenshotPath('sites-popup-refused-en'), fullPage: true });
    await page.fill('#site-closes', inDays(2));
    await submit(page, '#site-add button[type=submit]');
    assert.match(await page.textContent('#sites-status'), /Summer fair was added/);
    const rows = await page.$$eval('#sites-table tbody tr', (trs) => trs.map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^Main Library\s*main-library Library branch [A-Z][a-z]+ \d{1,2}, \d{4} – no last day ✓ Open/);
    assert.match(rows[1], /^Summer fair\s*summer-fair Pop-up event [A-Z][a-z]+ \d{1,2}, \d{4} – [A-Z][a-z]+ \d{1,2}, \d{4} ✓ Open/);
    await axeClean(page, 'sites');
  });

  await t.test('the admin puts the librarian at the library alone', async () => {
    await page.goto(`${base}/admin/staff`);
    const row = page.locator('tr', { has: page.locator(`th:has-text("${LIBRARIAN.username}")`) });
    await row.locator('summary').click();
    await row.locator('input[value="main-library"]').check();
    await submit(page, `form[action="/admin/staff/${LIBRARIAN.username}"] button:has-text("Save sites")`);
    assert.match(await page.textContent('.notice-ok'), /The sites of sites\.librarian were saved/);
    const after = page.locator('tr', { has: page.locator(`th:has-text("${LIBRARIAN.username}")`) });
    assert.match(await after.locator('.staff-sites').textContent(), /Main Library/);
    await axeClean(page, 'staff with sites');
    await logOut(page);
  });

  await t.test('a clerk with two sites chooses one before the counter opens; the header names it', async () => {
    await logIn(page, base, CLERK.username, CLERK.password);
    assert.match(page.url(), /\/site\?next=\/enroll$/);
    const choices = await page.$$eval('#site-choice input[name=site]', (inputs) => inputs.map((i) => i.value));
    assert.deepEqual(choices, ['main-library', 'summer-fair']);
    await submit(page, '#site-choice button[type=submit]');
    assert.match(await page.textContent('#site-choice-error'), /Choose a site/);
    await axeClean(page, 'site choice refused');
    await page.check('#site-summer-fair');
    await page.screenshot({ path: screenshotPath('sites-choose-en'), fullPage: true });
    await submit(page, '#site-choice button[type=submit]');
    assert.match(page.url(), /\/enroll$/);
    assert.match(await page.textContent('#current-site'), /Site: Summer fair/);

    await page.check('#doc-passport');
    await page.check('#doc-utility_bill');
    await page.fill('#legal_name', 'Feria Residente');
    await page.fill('#date_of_birth', '1985-05-05');
    await page.setInputFiles('#photo', PHOTO);
    await submit(page, '#enroll-form button[type=submit]');
    assert.match(page.url(), /\/residents\/[0-9a-f-]{36}\/review$/, 'enrolled at the fair');
  });

  await t.test('a closed pop-up drops out: the next counter page asks for a site again', async () => {
    const admin = await browser.newContext({ viewport: DESKTOP });
    const adminPage = await admin.newPage();
    await logIn(adminPage, base, ADMIN.username, ADMIN.password);
    await adminPage.goto(`${base}/admin/sites`);
    await submit(adminPage, '#close-summer-fair');
    assert.match(await adminPage.textContent('#sites-status'), /Summer fair was closed/);
    assert.equal(await adminPage.$('#close-summer-fair'), null, 'a closed site has no actions');
    await admin.close();

    await page.goto(`${base}/enroll`);
    assert.match(page.url(), /\/site\?next=\/enroll$/);
    const choices = await page.$$eval('#site-choice input[name=site]', (inputs) => inputs.map((i) => i.value));
    assert.deepEqual(choices, ['main-library']);
    await logOut(page);
  });

  await t.test('the librarian starts at the library without being asked', async () => {
    await logIn(page, base, LIBRARIAN.username, LIBRARIAN.password);
    assert.match(page.url(), /\/enroll$/);
    assert.match(await page.textContent('#current-site'), /Site: Main Library/);
    await logOut(page);
  });

  await t.test('the admin places a legal hold on the library’s records, sees it listed, and lifts it', async () => {
    await logIn(page, base, ADMIN.username, ADMIN.password);
    await page.goto(`${base}/admin/holds`);
    assert.match(await page.textContent('#no-holds'), /No legal hold has been placed/);
    await page.fill('#hold-reference', 'CV-2026-0142');
    await page.check('#hold-scope-site');
    await submit(page, '#hold-place button[type=submit]');
    assert.match(await page.textContent('#hold-place .field-error'), /Error/);
    assert.equal(await page.inputValue('#hold-reference'), 'CV-2026-0142', 'what was typed is kept');
    await axeClean(page, 'holds: no site chosen');
    await page.selectOption('#hold-site', 'main-library');
    await submit(page, '#hold-place button[type=submit]');
    assert.match(await page.textContent('#holds-status'), /The hold CV-2026-0142 was placed\. It covers 0 records now/);
    const row = (await page.textContent('#holds-table tbody tr')).replace(/\s+/g, ' ');
    assert.match(row, /CV-2026-0142 Enrolled at Main Library [A-Z][a-z]+ \d{1,2}, \d{4} by sites\.admin ⚖ In force/);
    await axeClean(page, 'holds');
    await page.screenshot({ path: screenshotPath('holds-placed-en'), fullPage: true });
    await submit(page, '#holds-table button.danger');
    assert.match(await page.textContent('#holds-status'), /The hold CV-2026-0142 was lifted/);
    assert.match((await page.textContent('#holds-table tbody tr')).replace(/\s+/g, ' '), /Lifted [A-Z][a-z]+ \d{1,2}, \d{4} by sites\.admin/);
    await page.fill('#hold-reference', 'ORDER 2026-77');
    await page.check('#hold-scope-all');
    await submit(page, '#hold-place button[type=submit]');
    assert.match(await page.textContent('#holds-status'), /It covers one record now/);
    await page.goto(`${base}/audit`);
    assert.match(await page.textContent('#holds-state'), /A legal hold is in force: 0 records are kept past their date/);
    await axeClean(page, 'audit with a hold');
    await logOut(page);
  });

  await t.test('each page in English, Spanish and Arabic: no sideways scrolling, right to left in Arabic', async () => {
    const shots = [
      ['sites', ADMIN, '/admin/sites'],
      ['staff', ADMIN, '/admin/staff'],
      ['holds', ADMIN, '/admin/holds'],
      ['audit', ADMIN, '/audit'],
      ['choose', CLERK, '/site'],
      ['enroll', CLERK, '/enroll'],
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
        if (name === 'staff') {
          for (const summary of await p.$$('.staff-sites summary')) await summary.click();
        }
        await p.screenshot({ path: screenshotPath(`sites-${name}-${lang}`), fullPage: true });
        if (name === 'choose') {
          await p.check('#site-main-library');
          await submit(p, '#site-choice button[type=submit]');
        }
      }
      await ctx.close();
    }
  });
});
