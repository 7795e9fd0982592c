/**
 * Every value of a union that the server's contract defines, as a list for the forms' options.
 * The web app may import the server's types but not its values (docs/architecture.md), so the
 * list is written here and the compiler holds it to the server's type both ways: a value the
 * server does not know is an error, and so is a value the list leaves out.
 *
 * `export const triages = everyValueOf<TTriage>()(['simple', 'complex']);`
 */
export function everyValueOf<T extends string>() {
  return <const L extends readonly T[]>(
    values: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => values;
}
