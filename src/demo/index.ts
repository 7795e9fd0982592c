export {
  composeCreditCode,
  composeIdNumber,
  computeCreditCheckChar,
  computeIdCheckChar,
} from './identifiers.ts';
export type {
  Company,
  HolderKind,
  Person,
  Population,
  PopulationOptions,
  Sex,
  Shareholder,
} from './population.ts';
export { DEMO_POPULATION, generatePopulation } from './population.ts';
export type { Random } from './random.ts';
export { createRandom, deriveSeed } from './random.ts';
