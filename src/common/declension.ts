/**
 * Latvian, Ukrainian and Russian names change their ending with the case ("Bērziņa" → "Bērziņai", "Петренко" →
 * "Петренка", "Іванов" → "Івановим"): a long enough name is also found as its stem with one of these case endings.
 * The stem drops a final vowel or the Latvian nominative -s/-š. Only these endings, not any letters, so that an
 * English surname does not swallow ordinary words ("Price" must not flag "pricing"). Written folded (ā is a, š is s,
 * й is и, ї is і), as texts are matched. Shared by the no-blame guard and the redaction, so both decline alike.
 */
export const DECLINED_ENDING = /[aeiouyаеиоуыэюяієїьs]$/u;
export const CASE_ENDINGS = [
  // Latvian; without -s and -es, which would turn English surnames into plurals ("Price" → "prices")
  'a', 'ai', 'am', 'as', 'e', 'ei', 'em', 'i', 'iem', 'im', 'is', 'os', 'u', 'us',
  // Ukrainian and Russian
  'а', 'у', 'е', 'и', 'і', 'ю', 'я', 'ы', 'ом', 'ем', 'ім', 'им', 'ым', 'ою', 'ею', 'оі', 'ои', 'еи', 'ии', 'ых', 'их',
  'ів', 'ов', 'ев', 'ові', 'еві', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях',
] as const;
