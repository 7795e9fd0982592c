import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planDemoCases } from '../../demo/demo-cases.ts';
import { DEMO_POPULATION } from '../../demo/population.ts';
import { addMonths, chinaDateOf, makeIdNumber } from '../../kernel/index.ts';
import { computeExpiry } from '../dates.ts';
import { computeLimitYears, type LedgerContext } from '../measures.ts';
import { executeOperation, isParseFailure, parseBody } from '../operations.ts';
import { ASSET_TYPES } from '../types.ts';
import { VEHICLES } from './catalog.ts';
import { createWorld, lookupSubject, type World } from './world.ts';

const world = createWorld({ seed: DEMO_POPULATION.seed });
const CASE = { caseNumber: '（2026）浙0106执1号', court: '杭州市西湖区人民法院' };

function query(w: World, institution: string, subject: unknown): Record<string, unknown> {
  const parsed = parseBody('query', { subject, ...CASE });
  assert.ok(!isParseFailure(parsed));
  const ctx: LedgerContext = {
    world: w,
    institution,
    now: Date.parse('2026-06-01T10:00:00+08:00'),
    onPromoted: () => {},
  };
  return executeOperation(ctx, parsed, 'rq-1');
}

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

describe('the simulated world', () => {
  it('registers no car before its model was first sold in China (no 2012 小鹏 P7)', () => {
    const firstSold = new Map(VEHICLES.map(([model, , , year]) => [model, year]));
    let cars = 0;
    for (const assets of world.assetsBySubject.values())
      for (const a of assets) {
        if (a.assetType !== 'vehicle') continue;
        cars += 1;
        const model = String(a.extra.model);
        const year = Number(a.extra.registeredYear);
        assert.ok(year >= (firstSold.get(model) ?? 0), `${model} registered ${year}`);
        assert.ok(year <= 2025, `${model} registered ${year}`);
      }
    assert.ok(cars > 100, `the world has cars (${cars})`);
  });

  it('is reproducible: the same seed gives the same assets, another seed other ones', () => {
    const again = createWorld({ seed: DEMO_POPULATION.seed });
    const other = createWorld({ seed: 7 });
    const sample = world.population.persons.slice(0, 300).map((p) => p.idNumber);
    const assetsOf = (w: World) => sample.map((k) => JSON.stringify(w.assetsBySubject.get(k)));
    assert.deepEqual(assetsOf(again), assetsOf(world));
    assert.notDeepEqual(assetsOf(other), assetsOf(world));
    // The people are the demo population whatever the seed.
    assert.deepEqual(other.population.persons.slice(0, 5), world.population.persons.slice(0, 5));
  });

  it("holds every demo case's respondents under the same name and identifier; some own nothing, some a lot", () => {
    const respondents = planDemoCases('2026-06-30').flatMap((p) => p.respondents);
    const counts: number[] = [];
    for (const r of respondents) {
      const key = r.kind === 'natural' ? r.idNumber : r.creditCode;
      assert.ok(key, `respondent ${r.name} without an identifier`);
      const known =
        r.kind === 'natural' ? world.personsByIdNumber.get(key) : world.companiesByCreditCode.get(key);
      assert.equal(known?.name, r.name);
      counts.push(
        lookupSubject(world, { kind: r.kind === 'natural' ? 'person' : 'company', key, name: r.name }).assets
          .length,
      );
    }
    const withNothing = counts.filter((n) => n === 0).length;
    const withMuch = counts.filter((n) => n >= 6).length;
    assert.ok(
      withNothing >= respondents.length * 0.05,
      `only ${withNothing} of ${respondents.length} own nothing`,
    );
    assert.ok(
      withMuch >= respondents.length * 0.05,
      `only ${withMuch} of ${respondents.length} own 6 things or more`,
    );
  });

  it('has every kind of asset, each identifier once, with balances on money and values on things', () => {
    const seen = new Set(Array.from(world.assetsByIdentifier.values(), (a) => a.assetType));
    assert.deepEqual([...seen].sort(), [...ASSET_TYPES].sort());
    const total = [...world.assetsBySubject.values()].reduce((n, list) => n + list.length, 0);
    assert.equal(world.assetsByIdentifier.size, total);
    for (const a of world.assetsByIdentifier.values()) {
      assert.ok(Number.isInteger(a.valueFen) && a.valueFen >= 0);
      if (a.balanceFen !== undefined) assert.equal(a.balanceFen, a.valueFen);
    }
    const plates = [...world.assetsByIdentifier.values()].filter((a) => a.assetType === 'vehicle');
    assert.ok(
      plates.every((a) => /^浙[AB]·[0-9A-Z]{5,6}$/.test(a.identifier)),
      'plates look like plates',
    );
    const flats = [...world.assetsByIdentifier.values()].filter((a) => a.assetType === 'realEstate');
    assert.ok(
      flats.every((a) => /^浙\(\d{4}\).+不动产权第\d{7}号$/.test(a.identifier)),
      'registry numbers',
    );
  });

  it("puts other courts' earlier measures in force on the reference day, within the statutory limits", () => {
    const dated = createWorld({ seed: DEMO_POPULATION.seed, referenceDate: '2024-05-01' });
    const day = Date.parse('2024-05-01T12:00:00+08:00');
    const freezes = [...dated.freezes.values()];
    const seals = [...dated.seals.values()];
    assert.ok(freezes.length > 50 && seals.length > 50, `${freezes.length} freezes, ${seals.length} seals`);
    for (const m of [...freezes, ...seals]) {
      assert.ok(m.createdAt < day && m.expiresAt > day, `${m.caseNumber} in force on the day`);
      const asset = dated.assetsByIdentifier.get(m.identifier);
      assert.ok(asset);
      // CPL-I art. 485: the period from the day it was taken is within the limit.
      assert.ok(
        m.expiresAt <=
          computeExpiry(addMonths(chinaDateOf(m.createdAt), 12 * computeLimitYears(asset.assetType))),
      );
    }
    for (const asset of dated.assetsByIdentifier.values()) {
      const created = asset.seals.map((s) => s.createdAt);
      assert.deepEqual(
        created,
        [...created].sort((a, b) => a - b),
        'queue in order of arrival',
      );
      assert.ok(asset.freezes.reduce((n, f) => n + f.amountFen, 0) <= (asset.balanceFen ?? 0));
    }
  });

  it('shows a company its legal representative, shareholders and investments at market regulation', () => {
    const company = world.population.companies.find((c) => c.shareholders.length >= 2);
    assert.ok(company);
    const result = query(world, 'samr', {
      kind: 'company',
      name: company.name,
      creditCode: company.creditCode,
    });
    const relations = asArray(result.relations);
    const rep = world.personsById.get(company.legalRepresentativeId);
    assert.deepEqual(relations[0], { kind: 'legalRepresentative', name: rep?.name, idNumber: rep?.idNumber });
    const shareholders = relations.filter(
      (r) => typeof r === 'object' && r !== null && 'kind' in r && r.kind === 'shareholder',
    );
    assert.equal(shareholders.length, company.shareholders.length);
    // A bank knows nothing of this.
    assert.equal(
      query(world, 'icbc', { kind: 'company', name: company.name, creditCode: company.creditCode }).relations,
      undefined,
    );
  });

  it('shows the co-owning spouse at the real-estate registry', () => {
    const owner = world.population.persons.find(
      (p) =>
        p.spouseId && (world.assetsBySubject.get(p.idNumber) ?? []).some((a) => a.assetType === 'realEstate'),
    );
    assert.ok(owner);
    const spouse = world.personsById.get(owner.spouseId ?? '');
    const result = query(world, 'mnr', { kind: 'person', name: owner.name, idNumber: owner.idNumber });
    assert.deepEqual(result.relations, [{ kind: 'spouse', name: spouse?.name, idNumber: spouse?.idNumber }]);
    assert.ok(asArray(result.assets).length >= 1);
  });

  it('answers nothing for a wrong name, and nothing for an identifier with a wrong check character', () => {
    const p = world.population.persons[0];
    assert.ok(p);
    const wrong = query(world, 'icbc', { kind: 'person', name: `${p.name}X`, idNumber: p.idNumber });
    assert.deepEqual(wrong.assets, []);
    assert.ok(typeof wrong.note === 'string');
    const valid = makeIdNumber('330106', '1985-03-15', 123);
    const broken = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    assert.deepEqual(lookupSubject(world, { kind: 'person', key: broken, name: '某人' }).assets, []);
  });

  it('gives people outside the population a world of their own, the same on every start', () => {
    const key = makeIdNumber('330105', '1978-04-12', 517);
    const first = createWorld({ seed: 99, population: { seed: 1, persons: 0, companies: 0 } });
    const second = createWorld({ seed: 99, population: { seed: 1, persons: 0, companies: 0 } });
    const a = lookupSubject(first, { kind: 'person', key, name: '外来人' });
    const b = lookupSubject(second, { kind: 'person', key, name: '外来人' });
    assert.deepEqual(JSON.stringify(a.assets), JSON.stringify(b.assets));
    assert.equal(lookupSubject(first, { kind: 'person', key, name: '别人' }).isNameMismatch, true);
  });
});
