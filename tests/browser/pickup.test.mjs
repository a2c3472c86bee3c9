// Confidential cards and pick-up on the staff pages (issue 12), in headless Chromium against the
// real server: a clerk enrolls a resident who asks for a confidential card (an address with it
// is refused beside the field), issues it for pick-up at the library (only pick-up is offered;
// a pick-up without a site is refused beside the delivery choice), prints it downtown; the
// librarian's queue lists it on its way, marks it arrived and hands it over once the box is
// ticked. Each page is axe-clean and photographed in English, Spanish and Arabic
// (screenshots/pickup-*.png).
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeClean, submit,
  PHOTO, launchWithCamera, logIn, logOut, overflow, screenshotPath, startServer,
} from './ui-helpers.mjs';

const CLERK = { username: 'pickup.clerk', role: 'clerk', password: 'pickup clerk passphrase' };
const LIBRARIAN = { username: 'pickup.librarian', role: 'clerk', password: 'pickup librarian passphrase' };
const ADMIN = { username: 'pickup.admin', role: 'admin', password: 'pickup admin passphrase' };
const DESKTOP = { width: 1280, height: 900 };

async function addSite(page, base, name, code, kind) {
  await page.goto(`${base}/admin/sites`);
  await page.fill('#site-name', name);
  await page.fill('#site-code', code);
  await page.selectOption('#site-kind', kind);
  await submit(page, '#site-add button[type=submit]');
  assert.match(await page.textContent('#sites-status'), new RegExp(`${name} was added`));
}

async function chooseSite(page, code) {
  assert.match(page.url(), /\/site\?next=/);
  await page.check(`#site-${code}`);
  await submit(page, '#site-choice button[type=submit]');
}

test('confidential cards and pick-up, in three languages', async (t) => {
  const server = await startServer([CLERK, LIBRARIAN, ADMIN]);
  const browser = await launchWithCamera();
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const page = await context.newPage();
  const base = server.base;
  let residentId;
  let cardNumber;
  t.after(async () => {
    await browser.close();
    server.stop();
  });

  await t.test('the admin opens a centre and a library', async () => {
    await logIn(page, base, ADMIN.username, ADMIN.password);
    await addSite(page, base, 'Downtown Centre', 'downtown', 'centre');
    await addSite(page, base, 'East Library', 'eastlib', 'library');
    await logOut(page);
  });

  await t.test('a confidential card with an address is refused beside the address, then enrolled without', async () => {
    await logIn(page, base, CLERK.username, CLERK.password);
    await chooseSite(page, 'downtown');
    await page.goto(`${base}/enroll`);
    await page.check('#doc-passport');
    await page.check('#doc-utility_bill');
    await page.fill('#legal_name', 'Reservada Persona');
    await page.fill('#date_of_birth', '1988-08-08');
    await page.check('#address-kind-home');
    await page.fill('#address_line1', '9 Hidden Lane');
    await page.fill('#address_city', 'Springfield');
    await page.check('#confidential');
    await page.setInputFiles('#photo', PHOTO);
    await submit(page, '#enroll-form button[type=submit]');
    assert.match(await page.textContent('#address-error'), /confidential card carries no address/);
    assert.equal(await page.isChecked('#confidential'), true, 'the choice is kept');
    await axeClean(page, 'enroll: confidential with an address');
    await page.screenshot({ path: screenshotPath('pickup-enroll-refused-en'), fullPage: true });
    await page.check('#address-kind-none');
    await submit(page, '#enroll-form button[type=submit]');
    assert.match(page.url(), /\/residents\/[0-9a-f-]{36}\/review$/);
    residentId = page.url().match(/residents\/([0-9a-f-]{36})/)[1];
  });

  await t.test('mail is not offered; a pick-up without a site is refused beside the choice', async () => {
    const methods = await page.$$eval('input[name=delivery]', (inputs) => inputs.map((i) => i.value));
    assert.deepEqual(methods, ['counter', 'pickup']);
    assert.match(await page.textContent('#delivery-hint'), /This card is confidential/);
    await page.check('#fee-paid');
    await page.check('#delivery-pickup');
    await submit(page, '.issue-form button[type=submit]');
    assert.match(await page.textContent('#delivery-error'), /Error/);
    assert.equal(await page.isChecked('#fee-paid'), true, 'the fee choice is kept');
    await axeClean(page, 'review: pick-up without a site');
    await page.selectOption('#pickup_site', 'eastlib');
    await page.screenshot({ path: screenshotPath('pickup-review-en'), fullPage: true });
    await submit(page, '.issue-form button[type=submit]');
    assert.match(page.url(), /\/cards\/\d{12}$/);
    cardNumber = page.url().match(/cards\/(\d{12})$/)[1];
  });

  await t.test('printed downtown, the card is on its way to the library', async () => {
    const csrf = await page.getAttribute('#print-form input[name=csrf]', 'value');
    const printed = await page.request.post(`${base}/residents/${residentId}/cards/${cardNumber}/print`, { form: { csrf } });
    assert.equal(printed.status(), 200);
    await page.reload();
    assert.match(await page.textContent('#card-state'), /Send it to East Library/);
    await page.goto(`${base}/residents/${residentId}`);
    assert.match(await page.textContent('.facts'), /Confidential card\s*Yes: no address/);
    const row = (await page.textContent('table.cards tbody tr')).replace(/\s+/g, ' ');
    assert.match(row, /Printed, on its way to East Library/);
    await axeClean(page, 'resident: card on its way');
    await page.screenshot({ path: screenshotPath('pickup-resident-on-its-way-en'), fullPage: true });
    await page.goto(`${base}/pickups`);
    assert.match(await page.textContent('main'), /No card is waiting to be collected here/);
    await logOut(page);
  });

  await t.test('the librarian marks it arrived, and hands it over once the face is checked', async () => {
    await logIn(page, base, LIBRARIAN.username, LIBRARIAN.password);
    await chooseSite(page, 'eastlib');
    await page.click('nav.main-nav a[href="/pickups"]');
    const grouped = `${cardNumber.slice(0, 4)} ${cardNumber.slice(4, 8)} ${cardNumber.slice(8)}`;
    assert.match((await page.textContent('table.pickups tbody tr')).replace(/\s+/g, ' '), new RegExp(`${grouped} Printed, not arrived yet`));
    await submit(page, `form[action="/pickups/${cardNumber}/arrived"] button`);
    assert.match(await page.textContent('.notice-ok'), /The card is marked ready here/);
    assert.match(await page.textContent('main'), /One card is ready here and none is on its way/);
    await axeClean(page, 'pickups: ready');
    await page.screenshot({ path: screenshotPath('pickup-queue-ready-en'), fullPage: true });
    // The box is required: the browser does not send the form without it.
    await page.check(`#checked-${cardNumber}`);
    await submit(page, `form[action="/pickups/${cardNumber}/hand-over"] button`);
    assert.match(await page.textContent('.notice-ok'), /The card has been handed over/);
    assert.match(await page.textContent('main'), /No card is waiting to be collected here/);
    await logOut(page);
  });

  await t.test('on the edit page, ticking "Confidential card" deletes the address on record', async () => {
    await logIn(page, base, CLERK.username, CLERK.password);
    await chooseSite(page, 'downtown');
    await page.goto(`${base}/enroll`);
    await page.check('#doc-passport');
    await page.check('#doc-utility_bill');
    await page.fill('#legal_name', 'Later Reservada');
    await page.fill('#date_of_birth', '1979-09-09');
    await page.check('#address-kind-home');
    await page.fill('#address_line1', '4 Known Street');
    await page.fill('#address_city', 'Springfield');
    await page.setInputFiles('#photo', PHOTO);
    await submit(page, '#enroll-form button[type=submit]');
    const id = page.url().match(/residents\/([0-9a-f-]{36})/)[1];
    await page.goto(`${base}/residents/${id}/edit`);
    assert.equal(await page.inputValue('#address_line1'), '4 Known Street');
    await page.check('#confidential');
    await axeClean(page, 'edit: confidential');
    await submit(page, 'form[action$="/edit"] button[type=submit]');
    assert.match(page.url(), new RegExp(`/residents/${id}\\?done=updated$`));
    const facts = (await page.textContent('.facts')).replace(/\s+/g, ' ');
    assert.match(facts, /Confidential card ?Yes: no address/);
    assert.match(facts, /Address ?None: a confidential card has no address/);
    assert.doesNotMatch(facts, /Known Street/);
    await page.goto(`${base}/residents/${id}/edit`);
    assert.equal(await page.isChecked('#confidential'), true);
    assert.equal(await page.inputValue('#address_line1'), '');
    await logOut(page);
  });

  await t.test('each page in English, Spanish and Arabic: no sideways scrolling, right to left in Arabic', async () => {
    const shots = [
      ['enroll', '/enroll'],
      ['review', `/residents/${residentId}/review`],
      ['resident', `/residents/${residentId}`],
      ['queue', '/pickups'],
    ];
    for (const lang of ['en', 'es', 'ar']) {
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: lang });
      const p = await ctx.newPage();
      await p.goto(`${base}/lang/${lang}?back=/login`);
      await logIn(p, base, LIBRARIAN.username, LIBRARIAN.password);
      await chooseSite(p, 'eastlib');
      for (const [name, path] of shots) {
        await p.goto(`${base}${path}`);
        const label = `${lang} ${name}`;
        assert.equal(await p.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr', label);
        assert.deepEqual(await overflow(p), { scroll: false, wide: [] }, `${label}: nothing scrolls sideways`);
        await axeClean(p, label);
        await p.screenshot({ path: screenshotPath(`pickup-${name}-${lang}`), fullPage: true });
      }
      await ctx.close();
    }
  });
});
