// One way to write a count with its noun, everywhere (views, reports): "1 article", "2 articles",
// "0 claims". English plural rules via Intl.PluralRules, so 1.5 and 0 take the plural.
const rules = new Intl.PluralRules('en');

/** "1 claim", "2 claims", "1,234 claims" (the number in the reader's locale). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${rules.select(n) === 'one' ? one : many}`;
}
