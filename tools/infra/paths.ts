// Where the local servers keep their state. Everything lives under the checkout, in folders that
// .gitignore already excludes, so two checkouts never share a data directory by accident.
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** Server data and pid files: `.data/postgres`, `.data/kafka`, `.data/kafka.pid`, logs. */
export const dataDir = path.join(repoRoot, '.data');

/** Downloads that never change for a given version: `.cache/kafka/<version>/libs`. */
export const cacheDir = path.join(repoRoot, '.cache');
