import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The dashboard page's files, from `apps/dashboard`: HTML and CSS as they are, TypeScript modules
 * transpiled on first request (no build step; cached for the life of the process).
 */
export class DashboardAssets {
  private readonly cache = new Map<string, { type: string; body: string }>();

  constructor(readonly root: string = process.env.DASHBOARD_DIR ?? resolve(__dirname, '../../../dashboard')) {}

  page(): string {
    return this.read(join(this.root, 'index.html'));
  }

  /**
   * A file of `src/` or one of its folders, by plain names only (`main.js`, `views/relapse-panel.js`):
   * nothing outside `src/` is reachable.
   */
  asset(name: string): { type: string; body: string } | null {
    if (!/^([a-z][a-z0-9-]*\/)?[a-z][a-z0-9-]*\.(js|css)$/.test(name)) return null;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const loaded = name.endsWith('.css') ? this.css(name) : this.module(name);
    if (loaded) this.cache.set(name, loaded);
    return loaded;
  }

  private css(name: string) {
    const file = join(this.root, 'src', name);
    return existsSync(file) ? { type: 'text/css; charset=utf-8', body: this.read(file) } : null;
  }

  private module(name: string) {
    const file = join(this.root, 'src', name.replace(/\.js$/, '.ts'));
    if (!existsSync(file)) return null;
    // typescript is a development dependency; it is only loaded when the page is first served.
    const ts = require('typescript') as typeof import('typescript');
    const output = ts.transpileModule(this.read(file), {
      compilerOptions: { module: ts.ModuleKind.ES2020, target: ts.ScriptTarget.ES2020, sourceMap: false, removeComments: false },
      fileName: file,
    });
    return { type: 'text/javascript; charset=utf-8', body: output.outputText };
  }

  private read(file: string): string {
    return readFileSync(file, 'utf8');
  }
}
