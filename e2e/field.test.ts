import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, afterEach, before, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Field work journey (移动执行): on a phone (390×844) with the location permission granted and a
 * fixed position (西湖区), the demo judge opens /field — an installable app (its manifest, its
 * service worker) — picks a case with an address, and makes an on-site record with a photo while
 * offline: it waits in the outbox (待同步 1), and stays there through a reload with no network (the
 * page opens from the service worker's cache). Back online it syncs by itself; the answer to one
 * piece of the photo is lost on the way, and the sync resumes from what the server has, never
 * sending a piece twice. The record is on the case's field records and in the dossier: a `file`
 * entry with the photo's SHA-256 and a `fieldRecord` entry. Sent again, it is recorded once.
 * A second journey: the permission refused, the record is saved without a position and says so.
 */
const position = { latitude: 30.2741, longitude: 120.1551, accuracy: 12 };
const pieceBytes = 512 * 1024;

/** A PNG of random pixels, large enough to go up in three pieces of 512 KiB. */
function noisePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(
    Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])),
  );
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type FieldRecord = {
  id: string;
  clientKey: string;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
  note: string;
  officers: { userId: string; name: string }[];
  files: { id: string; fileName: string; sha256: string | null }[];
  sha256: string;
};
type DossierEntry = { kind: string; refId: string; sha256: string; title: string };

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

async function phone(granted: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    ...(granted ? { geolocation: position, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  await signIn(page, 'xihu.judge');
  return { context, page };
}

/** From /field, the judge's first case whose card shows an address; resolves with its id. */
async function openCaseWithAddress(page: Page): Promise<{ id: string; address: string }> {
  await page.goto(`${baseUrl}/field`);
  await page.getByTestId('field-case-card').first().waitFor();
  // Each card reads its case for the address: wait until every card has its answer.
  await page.locator('[data-testid="field-case-card"] .ant-skeleton').first().waitFor({ state: 'detached' });
  const withAddress = page
    .getByTestId('field-case-card')
    .filter({ has: page.getByTestId('field-card-address').filter({ hasText: /[省市]/ }) })
    .first();
  const id = (await withAddress.getAttribute('data-case-id')) ?? '';
  assert.ok(id, 'a demo case of the judge has an address');
  const card = page.locator(`[data-testid="field-case-card"][data-case-id="${id}"]`);
  const address = ((await card.getByTestId('field-card-address').textContent()) ?? '').trim();
  await card.getByTestId('field-case-link').click();
  await page.waitForURL(new RegExp(`/field/cases/${id}$`));
  await page.getByTestId('field-case-number').waitFor();
  return { id, address };
}

async function readJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${path}`);
  assert.equal(res.status(), 200, `${path}: ${res.status()}`);
  return (await res.json()) as T;
}

test('the judge captures a record with a photo offline; it syncs resumably and reaches the dossier', {
  timeout: 300_000,
}, async () => {
  const { context, page } = await phone(true);
  const { id: caseId, address } = await openCaseWithAddress(page);

  // Installable: the manifest is linked and served; the service worker is registered by this page.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.equal(manifestHref, '/manifest.webmanifest');
  const manifestRes = await page.request.get(`${baseUrl}${manifestHref}`);
  assert.equal(manifestRes.status(), 200);
  assert.match(manifestRes.headers()['content-type'] ?? '', /^application\/manifest\+json/);
  const manifest = (await manifestRes.json()) as {
    name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  assert.equal(manifest.name, '执行 · 移动执行');
  assert.equal(manifest.start_url, '/field');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.theme_color);
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, `a ${size} PNG icon`);
    const iconRes = await page.request.get(`${baseUrl}${icon.src}`);
    assert.equal(iconRes.status(), 200);
    assert.equal(iconRes.headers()['content-type'], 'image/png');
  }
  const workerRes = await page.request.get(`${baseUrl}/field-sw.js`);
  assert.equal(workerRes.status(), 200);
  assert.match(workerRes.headers()['content-type'] ?? '', /javascript/);
  // (Page code is given as text: the journeys are compiled without the DOM's types.)
  const worker = await page.evaluate<{ script: string; scope: string }>(
    "navigator.serviceWorker.ready.then((r) => ({ script: r.active ? r.active.scriptURL : '', scope: r.scope }))",
  );
  assert.equal(worker.script, `${baseUrl}/field-sw.js`);
  assert.equal(worker.scope, `${baseUrl}/field`);
  await page.waitForFunction('navigator.serviceWorker.controller !== null');
  // Every asset this page loaded is in the worker's cache before the network goes.
  await page.waitForFunction(`(async () => {
    const loaded = performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/assets/'));
    const cache = await caches.open('zhixing-field-v1');
    const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
    return loaded.length > 0 && loaded.every((p) => kept.has(p)) && kept.has('/field');
  })()`);

  const before = await readJson<{ items: FieldRecord[] }>(page, `/api/v1/cases/${caseId}/field-records`);

  // The record: the position from the device, the address from the case, a photo from the camera.
  await page.getByTestId('field-new-record').click();
  const located = page.locator('[data-testid="field-position"][data-state="located"]');
  await located.waitFor();
  assert.match((await located.textContent()) ?? '', /30\.27410.*120\.15510.*12/);
  assert.equal(await page.getByTestId('field-address-input').inputValue(), address);
  assert.match(
    (await page.getByTestId('field-captured-at').textContent()) ?? '',
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
  );

  await context.setOffline(true);
  await page.getByTestId('field-banner-offline').waitFor();
  const note = `被执行人不在家，邻居称其已外出务工；张贴执行通知书并拍照（${Date.now()}）。`;
  await page.getByTestId('field-note-input').fill(note);
  const bailiff = page.getByTestId('field-officers').getByRole('checkbox', { name: /司法警察/ });
  const hasBailiff = (await bailiff.count()) > 0;
  if (hasBailiff) await bailiff.check();
  const photo = noisePng(640, 640);
  assert.ok(photo.length > 2 * pieceBytes && photo.length < 3 * pieceBytes, 'three pieces');
  await page
    .getByTestId('field-camera-input')
    .setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: photo });
  await page.getByTestId('field-picked-file').waitFor();
  await page.getByTestId('field-save').click();

  // Offline: queued in the outbox, with the badge.
  const queued = page.getByTestId('field-queued-record').filter({ hasText: note });
  await queued.waitFor();
  assert.equal(await queued.getAttribute('data-state'), 'queued');
  const clientKey = (await queued.getAttribute('data-client-key')) ?? '';
  assert.match(clientKey, /^[0-9a-f-]{36}$/);
  assert.equal((await page.getByTestId('field-pending').textContent())?.trim(), '待同步 1');

  // A reload with no network: the page opens from the worker's cache, the record still waits.
  await page.reload();
  await page.getByTestId('field-case-number').waitFor();
  await page.getByTestId('field-offline-copy').first().waitFor();
  await queued.waitFor();
  assert.equal((await page.getByTestId('field-pending').textContent())?.trim(), '待同步 1');

  // Back online, the answer to the photo's second piece is lost once (the server has the piece).
  const pieces: number[] = [];
  const resumeReads: string[] = [];
  let answerLost: () => void = () => {};
  const lost = new Promise<void>((resolve) => {
    answerLost = resolve;
  });
  let hasLostOne = false;
  await context.route('**/api/v1/uploads/*', async (route) => {
    const request = route.request();
    if (request.method() === 'GET') resumeReads.push(request.url());
    if (request.method() !== 'PATCH') return route.fallback();
    const { offset } = JSON.parse(request.postData() ?? '{}') as { offset: number };
    pieces.push(offset);
    if (offset === pieceBytes && !hasLostOne) {
      hasLostOne = true;
      await route.fetch();
      await route.abort('connectionreset');
      answerLost();
      return;
    }
    return route.fallback();
  });
  await context.setOffline(false);
  // The sync started by `online` stops at the lost answer, the record still queued; 同步 goes on.
  await lost;
  const syncButton = page.getByTestId('field-sync');
  await page.locator('[data-testid="field-sync"]:not([data-state="running"])').waitFor();
  // (Unless the page's own retry, every half minute, went on first.)
  if ((await syncButton.getAttribute('data-state')) === 'offline') await syncButton.click();

  // Synced: the outbox is empty and the record is on the case, with the photo.
  const shown = page.getByTestId('field-record').filter({ hasText: note });
  await shown.waitFor();
  await queued.waitFor({ state: 'detached' });
  await page.getByTestId('field-pending').waitFor({ state: 'detached' });
  // Online again, the page shows the server's answers, not the device's copy.
  await page.getByTestId('field-offline-copy').first().waitFor({ state: 'detached' });
  assert.deepEqual(pieces, [0, pieceBytes, 2 * pieceBytes], 'each piece sent once, resumed after the loss');
  assert.equal(resumeReads.length, 1, 'the sync asked the server where to resume');
  assert.match(
    (await shown.getByTestId('field-record-position').textContent()) ?? '',
    /30\.27410, 120\.15510/,
  );
  assert.equal((await shown.getByTestId('field-file-hash').textContent())?.trim(), sha256(photo));
  const thumb = shown.getByTestId('field-record-file').locator('img');
  await thumb.waitFor();
  const width = () =>
    thumb.evaluate((img) =>
      'complete' in img && img.complete === true && 'naturalWidth' in img ? Number(img.naturalWidth) : 0,
    );
  await page.waitForFunction(
    (img) =>
      'complete' in img && img.complete === true && 'naturalWidth' in img && Number(img.naturalWidth) > 0,
    await thumb.elementHandle(),
  );
  assert.equal(await width(), 640, 'the photo is shown');

  // On the server: one record of that clientKey, with the position, the officers, the photo's hash.
  const afterSync = await readJson<{ items: FieldRecord[] }>(page, `/api/v1/cases/${caseId}/field-records`);
  assert.equal(afterSync.items.length, before.items.length + 1);
  const mine = afterSync.items.filter((r) => r.clientKey === clientKey);
  assert.equal(mine.length, 1);
  const record = mine[0] as FieldRecord;
  assert.equal(record.note, note);
  assert.equal(record.latitude, position.latitude);
  assert.equal(record.longitude, position.longitude);
  assert.equal(record.accuracyM, position.accuracy);
  assert.equal(record.officers.length, hasBailiff ? 2 : 1);
  assert.equal(record.files.length, 1);
  const file = record.files[0];
  assert.equal(file?.sha256, sha256(photo));

  // In the dossier: the file with the photo's SHA-256, and the record with its own.
  const dossier = await readJson<{ items: DossierEntry[] }>(page, `/api/v1/cases/${caseId}/dossier`);
  const fileEntry = dossier.items.find((e) => e.kind === 'file' && e.refId === file?.id);
  assert.ok(fileEntry, 'the photo is in the dossier');
  assert.equal(fileEntry.sha256, sha256(photo));
  const recordEntry = dossier.items.find((e) => e.kind === 'fieldRecord' && e.refId === record.id);
  assert.ok(recordEntry, 'the record is in the dossier');
  assert.equal(recordEntry.sha256, record.sha256);

  // Sent again (an answer lost after the server recorded it): the same record, not a second one.
  const again = await page.request.post(`${baseUrl}/api/v1/cases/${caseId}/field-records`, {
    headers: { 'x-zhixing-csrf': '1' },
    data: {
      clientKey,
      capturedAt: new Date().toISOString(),
      address,
      note,
      fileIds: [file?.id],
    },
  });
  assert.equal(again.status(), 201);
  assert.equal(((await again.json()) as FieldRecord).id, record.id);
  const finalList = await readJson<{ items: FieldRecord[] }>(page, `/api/v1/cases/${caseId}/field-records`);
  assert.equal(finalList.items.length, before.items.length + 1);
  await context.close();
});

test('with the location refused, the record is saved without a position and says so', async () => {
  const { context, page } = await phone(false);
  const { id: caseId } = await openCaseWithAddress(page);
  await page.getByTestId('field-new-record').click();
  const refused = page.locator('[data-testid="field-position"][data-state="denied"]');
  await refused.waitFor();
  assert.match((await refused.textContent()) ?? '', /不含位置/);
  const note = `无定位的现场记录（${Date.now()}）。`;
  await page.getByTestId('field-note-input').fill(note);
  await page.getByTestId('field-save').click();
  const shown = page.getByTestId('field-record').filter({ hasText: note });
  await shown.waitFor();
  assert.match((await shown.getByTestId('field-record-position').textContent()) ?? '', /无定位/);
  const list = await readJson<{ items: FieldRecord[] }>(page, `/api/v1/cases/${caseId}/field-records`);
  const record = list.items.find((r) => r.note === note);
  assert.ok(record);
  assert.equal(record.latitude, null);
  assert.equal(record.longitude, null);
  await context.close();
});
