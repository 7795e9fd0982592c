import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findUnreachableFolder, startEmbeddedPostgres } from './embedded-postgres.ts';
import { createLogger } from './logging.ts';

// A user who owns nothing here and is in none of its groups, as `postgres` is to root's folders.
const stranger = { uid: 65534, gids: [65534] };

test('a folder the server’s user may not enter is found on the way to the data folder', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'zhixing-reach-'));
  try {
    const data = path.join(home, 'data');
    mkdirSync(data);
    chmodSync(home, 0o700);
    assert.equal(findUnreachableFolder(path.join(data, 'pg'), stranger), home);
    assert.equal(findUnreachableFolder(path.join(data, 'pg'), null), home, 'a user not created yet');
    chmodSync(home, 0o711);
    assert.equal(findUnreachableFolder(path.join(data, 'pg'), stranger), null);
    chmodSync(data, 0o700);
    assert.equal(findUnreachableFolder(path.join(data, 'pg'), stranger), data);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('started as root on a folder postgres cannot reach, the embedded server says what to do', async () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'zhixing-reach-'));
  try {
    chmodSync(home, 0o700);
    const start = startEmbeddedPostgres({
      dataDir: path.join(home, 'data'),
      port: 54990,
      logger: createLogger('silent'),
    });
    if (process.getuid?.() === 0) {
      await assert.rejects(start, (err: Error) => {
        assert.match(err.message, new RegExp(`system user postgres, which cannot enter ${home}`));
        assert.match(err.message, /set ZHIXING_DATA_DIR to a folder postgres can reach/);
        assert.equal(err.message.split('\n').length, 1, 'one line');
        return true;
      });
    } else {
      // Not root: the server runs as this user, who made the folder: it starts.
      const server = await start;
      await server.stop();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
