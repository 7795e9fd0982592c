import {
  type Company,
  DEMO_POPULATION,
  generatePopulation,
  type Person,
  type Population,
  type PopulationOptions,
} from '../../demo/population.ts';
import { createRandom, deriveSeed } from '../../demo/random.ts';
import { chinaDateOf, computeCreditCodeCheckChar, computeIdCheckChar } from '../../kernel/index.ts';
import type { Asset, FreezeRecord, SealRecord, Subject } from '../types.ts';
import type { City, Stake, SubjectProfile } from './asset-builders.ts';
import { REGISTERED_CAPITAL_YUAN } from './catalog.ts';
import { generateAssets } from './generate-assets.ts';

/** The whole simulated world: who exists, what they own, and every freeze and seal on it. */
export type World = {
  seed: number;
  /** The day the world is drawn for (China date); see WorldOptions. */
  referenceDate: string;
  referenceMs: number;
  population: Population;
  assetsByIdentifier: Map<string, Asset>;
  assetsBySubject: Map<string, Asset[]>;
  freezes: Map<string, FreezeRecord>;
  seals: Map<string, SealRecord>;
  personsByIdNumber: Map<string, Person>;
  companiesByCreditCode: Map<string, Company>;
  personsById: Map<string, Person>;
  companiesById: Map<string, Company>;
  stakesByHolder: Map<string, Stake[]>;
  /** Subjects outside the population, by identifier, with the name they were first asked about under. */
  strangerNames: Map<string, string>;
  transfers: Map<string, Transfer>;
};

/** Money moved from a frozen balance to a court's account (扣划). */
export type Transfer = {
  transferId: string;
  freezeId: string;
  identifier: string;
  amountFen: number;
  courtAccount: unknown;
  at: number;
};

export type WorldOptions = {
  /** Draws everyone's assets; the same seed gives the same world. */
  seed: number;
  /** The people and companies; by default the demo cases' population, so their respondents exist here. */
  population?: PopulationOptions;
  /**
   * The China date the world is drawn for (default today): other courts' earlier measures date from
   * the year before it, so they are in force then. Kept in the journal so a restart draws the same world.
   */
  referenceDate?: string;
};

/** Builds the population's world eagerly; subjects outside the population are added on first query. */
export function createWorld(options: WorldOptions): World {
  const population = generatePopulation(options.population ?? DEMO_POPULATION);
  const referenceDate = options.referenceDate ?? chinaDateOf(Date.now());
  const world: World = {
    seed: options.seed,
    referenceDate,
    referenceMs: Date.parse(`${referenceDate}T00:00:00+08:00`),
    population,
    assetsByIdentifier: new Map(),
    assetsBySubject: new Map(),
    freezes: new Map(),
    seals: new Map(),
    personsByIdNumber: new Map(population.persons.map((p) => [p.idNumber, p])),
    companiesByCreditCode: new Map(population.companies.map((c) => [c.creditCode, c])),
    personsById: new Map(population.persons.map((p) => [p.id, p])),
    companiesById: new Map(population.companies.map((c) => [c.id, c])),
    stakesByHolder: indexStakes(options.seed, population),
    strangerNames: new Map(),
    transfers: new Map(),
  };
  for (const p of population.persons) {
    registerAssets(
      world,
      p.idNumber,
      generateAssets(world.seed, world.referenceMs, profilePerson(world, p), isTakenIn(world)),
    );
  }
  for (const c of population.companies) {
    registerAssets(
      world,
      c.creditCode,
      generateAssets(world.seed, world.referenceMs, profileCompany(world, c), isTakenIn(world)),
    );
  }
  return world;
}

export type SubjectLookup = { assets: Asset[]; isNameMismatch: boolean };

/** The subject's assets; a subject unknown to the population gets a world of its own, deterministically. */
export function lookupSubject(world: World, subject: Subject): SubjectLookup {
  const known =
    subject.kind === 'person'
      ? world.personsByIdNumber.get(subject.key)
      : world.companiesByCreditCode.get(subject.key);
  if (known) {
    return known.name === subject.name
      ? { assets: world.assetsBySubject.get(subject.key) ?? [], isNameMismatch: false }
      : { assets: [], isNameMismatch: true };
  }
  if (!hasValidCheckChar(subject)) return { assets: [], isNameMismatch: false };
  const name = world.strangerNames.get(subject.key);
  if (name !== undefined) {
    return name === subject.name
      ? { assets: world.assetsBySubject.get(subject.key) ?? [], isNameMismatch: false }
      : { assets: [], isNameMismatch: true };
  }
  const profile = profileStranger(world, subject);
  const assets = generateAssets(world.seed, world.referenceMs, profile, isTakenIn(world));
  world.strangerNames.set(subject.key, subject.name);
  registerAssets(world, subject.key, assets);
  return { assets, isNameMismatch: false };
}

/** Nobody is registered under an identifier whose check character is wrong (GB 11643, GB 32100). */
function hasValidCheckChar(subject: Subject): boolean {
  const first17 = subject.key.slice(0, 17);
  const check = subject.key.charAt(17);
  if (subject.kind === 'person') return /^\d{17}$/.test(first17) && computeIdCheckChar(first17) === check;
  return /^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17) && computeCreditCodeCheckChar(first17) === check;
}

/** Adds a subject's assets (and the measures already on them) to the world's indexes. */
export function registerAssets(world: World, subjectKey: string, assets: Asset[]): void {
  world.assetsBySubject.set(subjectKey, assets);
  for (const asset of assets) {
    world.assetsByIdentifier.set(asset.identifier, asset);
    for (const f of asset.freezes) world.freezes.set(f.freezeId, f);
    for (const s of asset.seals) world.seals.set(s.sealId, s);
  }
}

function isTakenIn(world: World): (identifier: string) => boolean {
  return (identifier) => world.assetsByIdentifier.has(identifier);
}

function indexStakes(seed: number, population: Population): Map<string, Stake[]> {
  const keyOf = new Map<string, string>();
  for (const p of population.persons) keyOf.set(p.id, p.idNumber);
  for (const c of population.companies) keyOf.set(c.id, c.creditCode);
  const stakes = new Map<string, Stake[]>();
  for (const c of population.companies) {
    const random = createRandom(deriveSeed(seed, 'capital', c.creditCode));
    const registeredCapitalFen = random.pick(REGISTERED_CAPITAL_YUAN) * 100;
    for (const h of c.shareholders) {
      const holderKey = keyOf.get(h.holderId);
      if (!holderKey) continue;
      const list = stakes.get(holderKey) ?? [];
      list.push({
        companyName: c.name,
        creditCode: c.creditCode,
        sharePct: h.sharePct,
        registeredCapitalFen,
      });
      stakes.set(holderKey, list);
    }
  }
  return stakes;
}

function profilePerson(world: World, p: Person): SubjectProfile {
  return {
    kind: 'person',
    key: p.idNumber,
    name: p.name,
    city: p.address.includes('宁波市') ? 'nb' : 'hz',
    isMinor: p.birthDate >= '2008-01-01',
    isShipping: false,
    stakes: world.stakesByHolder.get(p.idNumber) ?? [],
  };
}

function profileCompany(world: World, c: Company): SubjectProfile {
  return {
    kind: 'company',
    key: c.creditCode,
    name: c.name,
    city: c.address.includes('宁波市') ? 'nb' : 'hz',
    isMinor: false,
    isShipping: c.name.includes('船务'),
    stakes: world.stakesByHolder.get(c.creditCode) ?? [],
  };
}

function profileStranger(world: World, subject: Subject): SubjectProfile {
  const division = subject.kind === 'person' ? subject.key.slice(0, 4) : subject.key.slice(2, 6);
  const city: City = division === '3302' ? 'nb' : 'hz';
  const birthYear = Number(subject.key.slice(6, 10));
  return {
    kind: subject.kind,
    key: subject.key,
    name: subject.name,
    city,
    isMinor: subject.kind === 'person' && birthYear >= 2008,
    isShipping: subject.name.includes('船务') || subject.name.includes('海运'),
    stakes: world.stakesByHolder.get(subject.key) ?? [],
  };
}
