// The residents' document pre-check (/check, issue 12) in headless Chromium: public, no
// cookie set until the resident picks a language, the total follows the ticks (points.js), the
// page prints without the header and the buttons; axe-clean and photographed in English,
// Spanish and Arabic (right to left), on a phone and on paper.
// Needs the debug binary (`cargo build`); MUNI_ID_BIN overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithCamera, overflow, screenshotPath, seriousViolations, startServer,
} from './ui-helpers.mjs';

const PHONE = { width: 390, height: 844 };

test('the document pre-check: public, live, printable, in every language', async (t) => {
  const server = await startServer([]);
  const browser = await launchWithCamera();
  t.after(async () => {
    await browser.close();
    server.stop();
  });
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();

  await t.test('no login and no cookie; the total follows the ticks', async () => {
    const res = await page.goto(`${server.base}/check`);
    assert.equal(res.status(), 200);
    assert.deepEqual(await context.cookies(), [], 'no cookie set');
    assert.match(await page.textContent('[data-kind=identity]'), /3 more needed/);
    assert.match(await page.textContent('[data-kind=residency]'), /1 more needed/);
    await page.check('#doc-consular_id');
    assert.equal(await page.textContent('#points-identity'), '2');
    assert.match(await page.textContent('[data-kind=identity]'), /1 more needed/);
    await page.check('#doc-drivers_license');
    await page.check('#doc-lease');
    assert.match(await page.textContent('[data-kind=identity]'), /requirement met/);
    assert.match(await page.textContent('[data-kind=residency]'), /requirement met/);
    assert.equal(page.url(), `${server.base}/check`, 'nothing was sent');
    assert.deepEqual(await context.cookies(), []);
  });

  await t.test('every language, axe-clean, no sideways scrolling; and on paper', async () => {
    for (const lang of ['en', 'es', 'ar']) {
      await page.goto(`${server.base}/lang/${lang}?back=/check`);
      assert.match(page.url(), /\/check$/);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.deepEqual(await seriousViolations(page), [], `${lang}: axe`);
      assert.deepEqual(await overflow(page), { scroll: false, wide: [] }, `${lang}: overflow`);
      await page.check('#doc-passport');
      await page.check('#doc-utility_bill');
      await page.screenshot({ path: screenshotPath(`check-${lang}`), fullPage: true });
    }
    const cookies = (await context.cookies()).map((c) => c.name);
    assert.deepEqual(cookies, ['muni_lang'], 'only the language the resident picked');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('header.top'), false);
    assert.equal(await page.isVisible('button[type=submit]'), false);
    await page.screenshot({ path: screenshotPath('check-print-ar'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  await t.test('without JavaScript, "Add up" asks the server, and no URL holds the ticks', async () => {
    const plain = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(`${server.base}/check`);
    await p.check('#doc-passport');
    await p.check('#doc-lease');
    // With scripts off the totals on the page come only from the server's answer to the post.
    const navigated = p.waitForEvent('framenavigated', (frame) => frame === p.mainFrame());
    await p.click('button[type=submit]');
    await navigated;
    await p.waitForLoadState('load');
    assert.equal(p.url(), `${server.base}/check`);
    assert.equal(await p.textContent('#points-identity'), '3');
    assert.match(await p.textContent('[data-kind=residency]'), /requirement met/);
    assert.ok(await p.isChecked('#doc-lease'), 'the ticks are kept');
    await plain.close();
  });
});
