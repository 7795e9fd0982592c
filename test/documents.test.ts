import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { openPortalSession } from '../src/modules/disclosure/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Documents against the real PostgreSQL: issued from a case's facts into Word and PDF whose hashes
 * are what is served, sealed only by the case judge or a court leader with a signature anyone can
 * check, served on a party who receives it by opening it in the portal; the dossier lists it all and
 * exports it as one archive; field records with resumable uploads.
 */
let t: TestApp;
let judge: string;
let assistant: string;
let otherJudge: string;
let otherCourt: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  assistant = await t.login('xihu.assistant');
  otherJudge = await t.login('xihu.judge2');
  otherCourt = await t.login('haishu.judge');
});

after(async () => {
  await t?.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function fileCase(overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody(overrides) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id as string, caseNumber: res.body.caseNumber as string };
}

async function download(url: string, token: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers };
}

/** The text of a docx: its document.xml's runs, read from the ZIP without a library. */
function docxText(bytes: Buffer): string {
  let at = 0;
  while (at < bytes.length - 30) {
    if (bytes.readUInt32LE(at) !== 0x04034b50) break;
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    const data = bytes.subarray(start, start + size);
    if (name === 'word/document.xml') {
      const xml = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    }
    at = start + size;
  }
  throw new Error('no word/document.xml in the docx');
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}

describe('issuing documents', () => {
  test('an enforcement notice: Word and PDF with the case number, parties and case account; the hash is of the docx served', async () => {
    const applicant = aCompany();
    const respondent = aPerson();
    const c = await fileCase({ applicants: [applicant], respondents: [respondent] });
    const res = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'enforcementNotice' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.template, 'enforcementNotice');
    assert.match(res.body.sha256, /^[0-9a-f]{64}$/);

    const docx = await download(`/api/v1/documents/${res.body.id}/file?format=docx`, judge);
    assert.equal(docx.status, 200);
    assert.match(String(docx.headers['content-type']), /wordprocessingml/);
    assert.equal(sha256(docx.bytes), res.body.sha256);
    const account = await t.database.db.execute<{ account_number: string }>(
      sql`select account_number from funds.case_accounts where case_id = ${c.id}::uuid`,
    );
    const accountNumber = account[0]?.account_number;
    assert.ok(accountNumber, 'every case has an account number');
    const wordText = docxText(docx.bytes);
    for (const expected of [c.caseNumber, applicant.name, respondent.name, accountNumber, '执行通知书']) {
      assert.ok(wordText.includes(expected), `the Word file names ${expected}`);
    }

    const pdf = await download(`/api/v1/documents/${res.body.id}/file?format=pdf`, judge);
    assert.equal(pdf.status, 200);
    assert.equal(String(pdf.headers['content-type']), 'application/pdf');
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
    for (const expected of [c.caseNumber, applicant.name, respondent.name, accountNumber, '执行通知书']) {
      assert.ok(text.includes(expected), `the PDF's text layer names ${expected}`);
    }

    const list = await t.request('GET', `/api/v1/cases/${c.id}/documents`, { token: assistant });
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((d: { id: string; template: string; sha256: string }) => [
        d.id,
        d.template,
        d.sha256,
      ]),
      [[res.body.id, 'enforcementNotice', res.body.sha256]],
    );
    assert.ok(list.body.items[0].createdAt);

    // The notice marks its node on the timeline (2006 time-limit rules).
    const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    assert.ok(
      JSON.stringify(detail.body).includes('enforcementNoticeSent'),
      'the enforcement notice node is on the timeline',
    );
  });

  test('the property report order states the 5-day period and the 10-day rule for later changes (CPL art. 252)', async () => {
    const c = await fileCase();
    const res = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: assistant,
      body: { template: 'propertyReportOrder' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const docx = await download(`/api/v1/documents/${res.body.id}/file`, judge);
    const text = docxText(docx.bytes);
    assert.ok(text.includes('收到本令后5日内'));
    assert.ok(text.includes('自财产变动之日起10日内'));
    assert.ok(text.includes('收到执行通知之日前一年'));
  });

  test('every template renders for a company respondent', async () => {
    const c = await fileCase({ respondents: [aCompany({ legalRepresentative: '赵六' })] });
    for (const template of [
      'assistanceNotice',
      'consumptionRestrictionOrder',
      'dishonestDecision',
      'terminationRuling',
    ]) {
      const res = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
        token: judge,
        body: { template },
      });
      assert.equal(res.status, 201, `${template}: ${JSON.stringify(res.body)}`);
      const pdf = await download(`/api/v1/documents/${res.body.id}/file?format=pdf`, judge);
      assert.ok((await pdfText(pdf.bytes)).replace(/\s+/g, '').includes(c.caseNumber), template);
    }
    const restriction = (
      await t.request('GET', `/api/v1/cases/${c.id}/documents`, { token: judge })
    ).body.items.find((d: { template: string }) => d.template === 'consumptionRestrictionOrder');
    const text = docxText((await download(`/api/v1/documents/${restriction.id}/file`, judge)).bytes);
    // 限消规定 art. 3 para. 2: the company's legal representative is bound too.
    assert.ok(text.includes('法定代表人赵六'));
    assert.ok(text.includes('乘坐G字头动车组列车全部座位'));
  });

  test('an unknown template is refused naming the field, and nothing is written', async () => {
    const c = await fileCase();
    const res = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'loveLetter' },
    });
    assert.equal(res.status, 400);
    assert.ok(JSON.stringify(res.body).includes('template'));
    const rows = await t.database.db.execute(
      sql`select 1 from documents.documents where case_id = ${c.id}::uuid`,
    );
    assert.equal(rows.length, 0);
  });

  test('another court’s case and its documents do not exist; a judge outside the team may not issue', async () => {
    const c = await fileCase();
    const res = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'enforcementNotice' },
    });
    assert.equal(
      (
        await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
          token: otherCourt,
          body: { template: 'enforcementNotice' },
        })
      ).status,
      404,
    );
    assert.equal((await download(`/api/v1/documents/${res.body.id}/file`, otherCourt)).status, 404);
    assert.equal(
      (
        await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
          token: otherJudge,
          body: { template: 'enforcementNotice' },
        })
      ).status,
      403,
    );
  });
});

describe('seals and their verification', () => {
  test('the case judge seals; the sealed files carry new hashes signed by the court; anyone verifies them', async () => {
    const c = await fileCase();
    const issued = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'enforcementNotice' },
    });
    assert.equal(
      (await t.request('POST', `/api/v1/documents/${issued.body.id}/seal`, { token: assistant })).status,
      403,
    );
    const sealed = await t.request('POST', `/api/v1/documents/${issued.body.id}/seal`, { token: judge });
    assert.equal(sealed.status, 200, JSON.stringify(sealed.body));
    assert.notEqual(sealed.body.sha256, issued.body.sha256, 'the sealed version is a new file');
    const docx = await download(`/api/v1/documents/${issued.body.id}/file?format=docx`, judge);
    assert.equal(sha256(docx.bytes), sealed.body.sha256);
    assert.ok(docx.bytes.includes(Buffer.from('word/media/')), 'the seal image is in the Word file');
    const pdf = await download(`/api/v1/documents/${issued.body.id}/file?format=pdf`, judge);
    assert.equal(sha256(pdf.bytes), sealed.body.pdfSha256);
    assert.equal(
      (await t.request('POST', `/api/v1/documents/${issued.body.id}/seal`, { token: judge })).status,
      409,
    );

    const check = await t.request('GET', `/api/v1/public/documents/${issued.body.id}/verification`);
    assert.equal(check.status, 200);
    assert.equal(check.body.valid, true);
    assert.equal(check.body.sha256, sealed.body.sha256);
    // Checked here independently with the published key, as anyone could.
    assert.ok(
      verify(
        null,
        Buffer.from(check.body.statement, 'utf8'),
        createPublicKey(check.body.publicKey),
        Buffer.from(check.body.signature, 'base64'),
      ),
    );
    assert.ok(check.body.statement.includes(`pdf-sha256:${sha256(pdf.bytes)}`));
    const byHash = await t.request('POST', '/api/v1/public/documents/verify', {
      body: { sha256: sha256(pdf.bytes) },
    });
    assert.equal(byHash.body.match, true);
    assert.equal(byHash.body.format, 'pdf');
    const tampered = Buffer.from(pdf.bytes);
    tampered.writeUInt8((tampered.at(-10) ?? 0) ^ 1, tampered.length - 10);
    const refused = await t.request('POST', '/api/v1/public/documents/verify', {
      body: { sha256: sha256(tampered) },
    });
    assert.deepEqual(refused.body, { match: false, format: null, verification: null });

    // A draft has no seal to verify.
    const draft = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'assistanceNotice' },
    });
    assert.equal(
      (await t.request('GET', `/api/v1/public/documents/${draft.body.id}/verification`)).status,
      404,
    );
  });

  test('a court leader of the case’s court may seal', async () => {
    const c = await fileCase();
    const issued = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'terminationRuling' },
    });
    const president = await t.login('xihu.president');
    assert.equal(
      (await t.request('POST', `/api/v1/documents/${issued.body.id}/seal`, { token: president })).status,
      200,
    );
  });
});

describe('service and the dossier', () => {
  test('electronic service: the party finds it in the portal and the first opening is the time of receipt', async () => {
    const respondent = aPerson();
    const c = await fileCase({ respondents: [respondent] });
    const issued = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'enforcementNotice' },
    });
    const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    const party = detail.body.respondents[0];
    const early = await t.request('POST', `/api/v1/documents/${issued.body.id}/services`, {
      token: assistant,
      body: { partyId: party.id, method: 'electronic' },
    });
    assert.equal(early.status, 409, 'a draft is not served');
    await t.request('POST', `/api/v1/documents/${issued.body.id}/seal`, { token: judge });
    const served = await t.request('POST', `/api/v1/documents/${issued.body.id}/services`, {
      token: assistant,
      body: { partyId: party.id, method: 'electronic' },
    });
    assert.equal(served.status, 201, JSON.stringify(served.body));
    const postal = await t.request('POST', `/api/v1/documents/${issued.body.id}/services`, {
      token: assistant,
      body: { partyId: party.id, method: 'postal' },
    });
    assert.equal(postal.status, 400);
    assert.ok(JSON.stringify(postal.body).includes('trackingNumber'));

    const session = await openPortalSession(t.appDatabase.db, {
      kind: 'party',
      subjectId: respondent.idNumber,
      name: respondent.name,
    });
    const portal = { 'x-zhixing-portal': session.token };
    const mine = await t.request('GET', `/api/v1/party/cases/${c.id}/documents`, { headers: portal });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.items.length, 1);
    assert.equal(mine.body.items[0].receivedAt, null);
    const opened = await t.app.inject({
      method: 'GET',
      url: `/api/v1/party/cases/${c.id}/documents/${issued.body.id}/file?format=pdf`,
      headers: portal,
    });
    assert.equal(opened.statusCode, 200);
    const after = await t.request('GET', `/api/v1/cases/${c.id}/documents`, { token: judge });
    const service = after.body.items[0].services.find((s: { method: string }) => s.method === 'electronic');
    assert.ok(service.receivedAt, 'the time of receipt is recorded');
    // Opening again keeps the first time.
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/party/cases/${c.id}/documents/${issued.body.id}/file`,
      headers: portal,
    });
    const again = await t.request('GET', `/api/v1/cases/${c.id}/documents`, { token: judge });
    assert.equal(again.body.items[0].services[0].receivedAt, service.receivedAt);
  });

  test('the dossier lists documents, versions, files and field records with hashes in the audit chain, and exports', async () => {
    const c = await fileCase();
    const issued = await t.request('POST', `/api/v1/cases/${c.id}/documents`, {
      token: judge,
      body: { template: 'enforcementNotice' },
    });
    const sealed = await t.request('POST', `/api/v1/documents/${issued.body.id}/seal`, { token: judge });

    // A photo in three pieces, the second sent twice (a lost answer): stored once.
    const photo = Buffer.alloc(1_200_000, 7);
    photo.write('\xff\xd8\xff', 0, 'latin1');
    const started = await t.request('POST', `/api/v1/cases/${c.id}/uploads`, {
      token: assistant,
      body: { fileName: '现场照片.jpg', mediaType: 'image/jpeg', totalBytes: photo.length },
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const piece = (from: number, to: number) => photo.subarray(from, to).toString('base64');
    const first = await t.request('PATCH', `/api/v1/uploads/${started.body.id}`, {
      token: assistant,
      body: { offset: 0, data: piece(0, 500_000) },
    });
    assert.equal(first.body.receivedBytes, 500_000);
    const repeated = await t.request('PATCH', `/api/v1/uploads/${started.body.id}`, {
      token: assistant,
      body: { offset: 0, data: piece(0, 500_000) },
    });
    assert.equal(repeated.status, 409, 'a piece resent at an old offset is refused');
    const progress = await t.request('GET', `/api/v1/uploads/${started.body.id}`, { token: assistant });
    assert.equal(progress.body.receivedBytes, 500_000);
    await t.request('PATCH', `/api/v1/uploads/${started.body.id}`, {
      token: assistant,
      body: { offset: 500_000, data: piece(500_000, 1_000_000) },
    });
    const last = await t.request('PATCH', `/api/v1/uploads/${started.body.id}`, {
      token: assistant,
      body: { offset: 1_000_000, data: piece(1_000_000, photo.length) },
    });
    assert.equal(last.body.complete, true);
    assert.equal(last.body.sha256, sha256(photo));

    const clientKey = crypto.randomUUID();
    const record = {
      clientKey,
      capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
      latitude: 30.2741,
      longitude: 120.1551,
      accuracyM: 12,
      address: '杭州市西湖区文三路100号',
      note: '被执行人不在家，张贴执行通知书，拍照留存。',
      fileIds: [started.body.id],
    };
    const field = await t.request('POST', `/api/v1/cases/${c.id}/field-records`, {
      token: assistant,
      body: record,
    });
    assert.equal(field.status, 201, JSON.stringify(field.body));
    const resent = await t.request('POST', `/api/v1/cases/${c.id}/field-records`, {
      token: assistant,
      body: record,
    });
    assert.equal(resent.body.id, field.body.id, 'a sync sent twice records once');

    const dossier = await t.request('GET', `/api/v1/cases/${c.id}/dossier`, { token: judge });
    assert.equal(dossier.status, 200);
    assert.deepEqual(
      dossier.body.items.map((i: { kind: string; sha256: string }) => [i.kind, i.sha256]),
      [
        ['document', issued.body.sha256],
        ['document', sealed.body.sha256],
        ['file', sha256(photo)],
        ['fieldRecord', field.body.sha256],
      ],
    );
    const audited = await t.database.db.execute<{ sha: string }>(
      sql`select detail->>'sha256' as sha from audit.records where detail->>'caseId' = ${c.id} and detail ? 'sha256'`,
    );
    for (const item of dossier.body.items) {
      assert.ok(
        audited.some((a) => a.sha === item.sha256),
        `${item.kind} ${item.sha256} is in the audit chain`,
      );
    }

    const archive = await download(`/api/v1/cases/${c.id}/dossier/archive`, judge);
    assert.equal(archive.status, 200);
    assert.equal(String(archive.headers['content-type']), 'application/zip');
    const names = archive.bytes.toString('utf8');
    for (const name of [
      'manifest.json',
      '执行通知书.docx',
      '执行通知书.pdf',
      '现场照片.jpg',
      '现场执行记录.json',
    ]) {
      assert.ok(names.includes(name), `the archive holds ${name}`);
    }
  });

  test('a field record refuses a future time, half a position, an officer outside the team and another case’s file', async () => {
    const c = await fileCase();
    const base = { address: '现场', note: '记录' };
    const cases: [Record<string, unknown>, string][] = [
      [{ capturedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'capturedAt'],
      [{ capturedAt: new Date().toISOString(), latitude: 30 }, 'longitude'],
      [{ capturedAt: new Date().toISOString(), officerIds: [crypto.randomUUID()] }, 'officerIds'],
      [{ capturedAt: new Date().toISOString(), fileIds: [crypto.randomUUID()] }, 'fileIds'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', `/api/v1/cases/${c.id}/field-records`, {
        token: judge,
        body: { clientKey: crypto.randomUUID(), ...base, ...body },
      });
      assert.equal(res.status, 400, field);
      assert.ok(JSON.stringify(res.body).includes(field), field);
    }
    const rows = await t.database.db.execute(
      sql`select 1 from documents.field_records where case_id = ${c.id}::uuid`,
    );
    assert.equal(rows.length, 0);
  });
});
