import type { Asset, InstitutionKind, Relation } from '../types.ts';
import type { World } from './world.ts';

/**
 * The related parties an institution would know of a subject: market regulation shows a company's
 * legal representative and shareholders and anyone's investments; a real-estate registry shows the
 * spouse who co-owns a property registered there.
 */
export function listRelations(
  world: World,
  subjectKey: string,
  kind: InstitutionKind,
  held: readonly Asset[],
): Relation[] {
  if (kind === 'marketRegulation') return listMarketRelations(world, subjectKey);
  if (kind === 'realEstateRegistry' && held.some((a) => a.assetType === 'realEstate')) {
    const spouse = findSpouse(world, subjectKey);
    return spouse ? [spouse] : [];
  }
  return [];
}

function listMarketRelations(world: World, subjectKey: string): Relation[] {
  const relations: Relation[] = [];
  const company = world.companiesByCreditCode.get(subjectKey);
  if (company) {
    const rep = world.personsById.get(company.legalRepresentativeId);
    if (rep) relations.push({ kind: 'legalRepresentative', name: rep.name, idNumber: rep.idNumber });
    for (const h of company.shareholders) {
      const person = h.holderKind === 'person' ? world.personsById.get(h.holderId) : undefined;
      const holder = h.holderKind === 'company' ? world.companiesById.get(h.holderId) : undefined;
      if (person)
        relations.push({
          kind: 'shareholder',
          name: person.name,
          idNumber: person.idNumber,
          sharePct: h.sharePct,
        });
      if (holder) {
        relations.push({
          kind: 'shareholder',
          name: holder.name,
          creditCode: holder.creditCode,
          sharePct: h.sharePct,
        });
      }
    }
  }
  for (const stake of world.stakesByHolder.get(subjectKey) ?? []) {
    relations.push({
      kind: 'investment',
      name: stake.companyName,
      creditCode: stake.creditCode,
      sharePct: stake.sharePct,
    });
  }
  return relations;
}

function findSpouse(world: World, idNumber: string): Relation | undefined {
  const person = world.personsByIdNumber.get(idNumber);
  const spouse = person?.spouseId ? world.personsById.get(person.spouseId) : undefined;
  return spouse ? { kind: 'spouse', name: spouse.name, idNumber: spouse.idNumber } : undefined;
}
