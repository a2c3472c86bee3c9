// A tiny stand-in for the real server: serves the verifier page at /v and /V, its assets,
// /.well-known/jwks.json and /status/1 from a vectors folder, with the production CSP.
// Every request it receives is logged, so a test can show the token never reached it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates', 'verifier');

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Starts the server on 127.0.0.1, port 0. `dataDir()` is read on each request so the vectors
 * can be written after the port is known. Resolves to {port, log, close()}.
 */
export async function startStaticServer({ dataDir, pageDir = PAGE_DIR }) {
  const log = [];
  const routes = {
    '/v': { file: () => join(pageDir, 'index.html'), type: 'text/html; charset=utf-8', cache: 'max-age=600' },
    '/V': { file: () => join(pageDir, 'index.html'), type: 'text/html; charset=utf-8', cache: 'max-age=600' },
    '/assets/verifier.js': { file: () => join(pageDir, 'verifier.js'), type: 'text/javascript; charset=utf-8', cache: 'max-age=600' },
    '/assets/verifier.css': { file: () => join(pageDir, 'verifier.css'), type: 'text/css; charset=utf-8', cache: 'max-age=600' },
    '/.well-known/jwks.json': { file: () => join(dataDir(), 'jwks.json'), type: 'application/json', cache: 'no-cache', cors: true },
    '/status/1': { file: () => join(dataDir(), 'status-1.cwt'), type: 'application/statuslist+cwt', cache: 'no-cache', cors: true },
  };
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    log.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('latin1') });
    const path = new URL(req.url, 'http://x').pathname;
    const route = Object.prototype.hasOwnProperty.call(routes, path) ? routes[path] : null;
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(route ? 405 : 404, { ...headers, 'Content-Type': 'text/plain' });
      res.end(route ? 'method not allowed' : 'not found');
      return;
    }
    try {
      const body = await readFile(route.file());
      res.writeHead(200, {
        ...headers,
        'Content-Type': route.type,
        'Cache-Control': route.cache,
        ...(route.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain' });
      res.end('error');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    log,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}
