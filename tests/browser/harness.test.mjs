// The checks must fail for a page that breaks the rules: a copy of the page with an inline style
// and script (CSP violations), and one that leaks the token in a query string.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE_DIR, startStaticServer } from './static-server.mjs';
import { makeVectors } from './vectors.mjs';
import { checkVerifierPage, launchChromium } from './verifier-checks.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

function brokenCopy(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'muni-id-broken-page-'));
  cpSync(PAGE_DIR, dir, { recursive: true });
  for (const [file, from, to] of edit) {
    const text = readFileSync(join(dir, file), 'utf8');
    assert.ok(text.includes(from), `${file} has ${from}`);
    writeFileSync(join(dir, file), text.replace(from, to));
  }
  return dir;
}

async function failuresFor(pageDir) {
  let dir = null;
  const server = await startStaticServer({ dataDir: () => dir, pageDir });
  const base = `http://localhost:${server.port}`;
  const v = makeVectors(base);
  dir = v.dir;
  try {
    await checkVerifierPage(browser, base, { validQr: v.byName.valid.qr_text, notValidQrs: [v.byName.revoked.qr_text], serverLog: server.log });
    return '';
  } catch (e) {
    return e.message;
  } finally {
    await server.close();
  }
}

test('the checks catch inline style and script (CSP violations)', async () => {
  const message = await failuresFor(brokenCopy([
    ['index.html', '<h1 data-i18n="title">', '<h1 style="color:red" data-i18n="title">'],
    ['index.html', '</body>', '<script>console.log(1)</script></body>'],
  ]));
  assert.match(message, /no CSP violation/);
  assert.match(message, /style-src/);
  assert.match(message, /script-src/);
});

test('the checks catch a page that sends the token', async () => {
  const message = await failuresFor(brokenCopy([
    ['verifier.js', '    const list = await deps.loadStatusList(claims.uri);',
      "    fetch('/status/1?t=' + extractToken(input)).catch(() => {});\n    const list = await deps.loadStatusList(claims.uri);"],
  ]));
  assert.match(message, /requests: only the page/);
  assert.match(message, /the list is fetched whole, no query|carries the token/);
});
