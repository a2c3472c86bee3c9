// Runs make_vectors.py (in tests/browser/.venv unless VECTORS_PYTHON says otherwise) for a base
// URL and returns the parsed vectors.json along with the folder it wrote.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export function pythonForVectors() {
  if (process.env.VECTORS_PYTHON) return process.env.VECTORS_PYTHON;
  const venv = join(HERE, '.venv', 'bin', 'python');
  if (existsSync(venv)) return venv;
  throw new Error('tests/browser/.venv is missing: run tests/browser/setup.sh (or set VECTORS_PYTHON)');
}

export function makeVectors(base, { now } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'muni-id-vectors-'));
  const args = [join(HERE, 'make_vectors.py'), '--base', base, '--out', out];
  if (now !== undefined) args.push('--now', String(now));
  execFileSync(pythonForVectors(), args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const doc = JSON.parse(readFileSync(join(out, 'vectors.json'), 'utf8'));
  return { dir: out, ...doc, byName: Object.fromEntries(doc.vectors.map((v) => [v.name, v])) };
}
