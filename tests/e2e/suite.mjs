// The set-up every end-to-end file shares: the release build served under the base path, a
// launched Chromium and, when asked, a temporary folder for downloads; all stopped after.
import { before, after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch } from './browser.mjs';

/** Registers the file's before/after hooks; the returned object holds `server`, `browser`
 * and (with `tmp`) `dir` once the tests run. */
export function suite({ tmp = false } = {}) {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launch();
    if (tmp) ctx.dir = mkdtempSync(join(tmpdir(), 'cs-planner-e2e-'));
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.stop();
    if (ctx.dir) rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}
