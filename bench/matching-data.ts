/** Synthetic data of the matching bench: 8 million dishonest-list entries COPY-loaded, and the samples the bench asks with. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as OpenCC from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import type postgres from 'postgres';
import { COMPANY_WORDS, FEMALE_GIVEN, INDUSTRIES, MALE_GIVEN, SURNAMES } from '../src/demo/names.ts';
import { createRandom, createWeightedPicker } from '../src/demo/random.ts';
import { makeCreditCode, makeIdNumber } from '../src/kernel/index.ts';

export type Sample = {
  idNumbers: string[];
  creditCodes: string[];
  orgNames: string[];
  personNames: string[];
  negatives: string[];
  variants: string[];
  romanised: string[];
};

const provinces =
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65'.split(' ');
const abbreviations = '京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新';
const cities =
  '北京 上海 天津 重庆 杭州 宁波 温州 南京 苏州 无锡 合肥 福州 厦门 南昌 济南 青岛 郑州 武汉 长沙 广州 深圳 东莞 南宁 海口 成都 贵阳 昆明 西安 兰州 西宁 银川 乌鲁木齐 沈阳 大连 长春 哈尔滨 石家庄 太原 呼和浩特 拉萨'.split(
    ' ',
  );
// Brand characters of listed organisations; the reserved ones appear only in negative samples.
const reserved = [...'松柏桐杉桦枫槐榆樟楠岚峤岑崧'];
const brandChars = [...new Set([...COMPANY_WORDS, ...MALE_GIVEN, ...FEMALE_GIVEN])].filter(
  (c) => !reserved.includes(c),
);
const forms = [
  '有限公司',
  '有限公司',
  '有限公司',
  '有限公司',
  '有限公司',
  '有限公司',
  '股份有限公司',
  '有限责任公司',
];

function uuidOf(kind: number, i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `00000000-0000-4000-800${kind}-${hex}`;
}

export type Loaded = { sample: Sample; loadMs: number; persons: number; organisations: number };

/** Generates the synthetic list and COPYs it into `credit.entries` (secondary indexes built after). */
export async function loadEntries(sql: postgres.Sql, entries: number): Promise<Loaded> {
  const random = createRandom(20260401);
  const surname = createWeightedPicker(SURNAMES);
  const industry = createWeightedPicker(INDUSTRIES);
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const courtCodes: string[] = [];
  const courtRows: string[] = [];
  for (let c = 1; c <= 3500; c++) {
    const code = `${abbreviations[c % abbreviations.length]}${String(1000 + (c % 9000)).padStart(4, '0')}`;
    courtCodes.push(code);
    courtRows.push(`${uuidOf(9, c)}\t${cities[c % cities.length]}第${c}基层人民法院\t${code}`);
  }
  await sql
    .unsafe(`copy credit.courts (court_id, name, court_code) from stdin`)
    .writable()
    .then((w) => pipeline(Readable.from([`${courtRows.join('\n')}\n`]), w));
  // Secondary indexes are built once after the load (as a national import would); the primary key stays.
  for (const index of [
    'entries_live',
    'entries_case',
    'entries_scope',
    'entries_id_number',
    'entries_credit_code',
    'entries_search',
    'entries_expiring',
  ]) {
    await sql.unsafe(`drop index credit.${index}`);
  }
  const sample: Sample = {
    idNumbers: [],
    creditCodes: [],
    orgNames: [],
    personNames: [],
    negatives: [],
    variants: [],
    romanised: [],
  };
  let persons = 0;
  let organisations = 0;
  const todayDay = Math.floor(Date.now() / 86_400_000);
  const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  function* rows() {
    let chunk = '';
    for (let i = 0; i < entries; i++) {
      const courtNo = 1 + (i % 3500);
      const year = 2019 + (i % 8);
      const division = `${random.pick(provinces)}${String(random.int(1, 15)).padStart(2, '0')}${String(random.int(1, 25)).padStart(2, '0')}`;
      const isOrg = random.chance(0.25);
      let name: string;
      let idNumber = '\\N';
      let creditCode = '\\N';
      let rep = '\\N';
      if (isOrg) {
        organisations++;
        name = `${random.pick(cities)}${random.pick(brandChars)}${random.pick(brandChars)}${industry(random)}${random.pick(forms)}`;
        creditCode = makeCreditCode('91', division, String(random.int(10_000_000, 99_999_999)));
        rep = surname(random) + random.pick(MALE_GIVEN);
        if (i % 997 === 0 && sample.orgNames.length < 2000) sample.orgNames.push(name);
        if (i % 97 === 0 && sample.creditCodes.length < 50_000) sample.creditCodes.push(creditCode);
      } else {
        persons++;
        const pool = random.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN;
        name = surname(random) + random.pick(pool) + (random.chance(0.7) ? random.pick(pool) : '');
        const birth = `${random.int(1950, 2004)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        idNumber = makeIdNumber(division, birth, random.int(1, 999));
        if (i % 29 === 0 && sample.idNumbers.length < 200_000) sample.idNumbers.push(idNumber);
        if (i % 4999 === 0 && sample.personNames.length < 1000) sample.personNames.push(name);
      }
      const ground = random.chance(0.6) ? 1 : random.int(2, 6);
      // Every entry is in force today: ground (1) from any of the last 7 years, the others within their 2-year term.
      const decidedDay = todayDay - random.int(1, ground === 1 ? 2500 : 700);
      const decided = isoOfDay(decidedDay);
      const expires = ground === 1 ? '\\N' : isoOfDay(decidedDay + 730);
      chunk += `${uuidOf(1, i)}\t${uuidOf(2, i)}\t（${year}）${courtCodes[courtNo - 1]}执${1 + Math.floor(i / 3500)}号\t${year}\t执\t${1 + Math.floor(i / 3500)}\t${decided}\t${uuidOf(9, courtNo)}\t${courtNo}\t/bench/${courtNo}/\t${uuidOf(3, i)}\t${isOrg ? 'legal' : 'natural'}\t${name}\t${idNumber}\t${creditCode}\t${rep}\t${division}\t${ground}\t失信\townMotion\tlisted\t${decided}\t${uuidOf(4, 0)}\t法官\t${decided}\t${decided}\t${expires}\t${random.int(1000, 90_000_000) * 100}\t0\t（${year}）民初${i % 9999}号\t人民法院\n`;
      if ((i & 1023) === 1023) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const t0 = performance.now();
  const writable = await sql
    .unsafe(`copy credit.entries (id, case_id, case_number, case_year, case_type, case_seq, case_filed_on, court_id, court_no, court_path,
      respondent_party_id, subject_kind, name, id_number, credit_code, legal_representative, division_code, ground, facts, initiated_by,
      state, requested_on, requested_by, requested_by_name, decided_on, publish_from, expires_on, obligation_fen, performed_fen,
      basis_document_number, basis_issued_by) from stdin`)
    .writable();
  await pipeline(Readable.from(rows()), writable);
  await sql`create index entries_id_number on credit.entries (id_number) where id_number is not null`;
  await sql`create index entries_credit_code on credit.entries (credit_code) where credit_code is not null`;
  await sql`analyze credit.entries`;
  const loadMs = performance.now() - t0;
  // The labelled sample for fuzzy matching: listed names written otherwise, and names not listed.
  sample.negatives = sample.orgNames.map((n, k) => {
    const fresh = `${random.pick(cities)}${random.pick(reserved)}${random.pick(reserved)}${industry(random)}有限公司`;
    const nearMiss = n.replace(
      /^(\p{Script=Han}{2,4}?)(\p{Script=Han})/u,
      (_m, city: string) => `${city}${random.pick(reserved)}`,
    );
    return k % 2 === 0 ? fresh : nearMiss;
  });
  sample.variants = sample.orgNames.map((n, k) => {
    const kind = k % 4;
    if (kind === 0) return n;
    if (kind === 1) return toTraditional(n);
    if (kind === 2)
      return ` ${n.slice(0, 2)} ${n.slice(2).replace('有限', '（有限')}）`.replace(/[0-9A-Za-z]/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) + 0xfee0),
      );
    return n.endsWith('有限责任公司')
      ? n.replace('有限责任公司', '有限公司')
      : n.replace(/(股份)?有限公司$/, '有限责任公司');
  });
  sample.romanised = sample.personNames.map((n, k) => {
    const syllables = pinyin(n, { toneType: 'none', type: 'array', v: true, surname: 'head' });
    const [family = '', ...given] = syllables;
    return k % 2 === 0
      ? `${family.toUpperCase()} ${given.join('').toUpperCase()}`
      : `${given.join('')} ${family}`;
  });
  return { sample, loadMs, persons, organisations };
}
