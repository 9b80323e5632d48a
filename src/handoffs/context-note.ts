/** Long enough to say what the customer reported and what they want. */
export const MIN_CONTEXT_NOTE_LENGTH = 40;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * A handoff's context note must be someone's summary of the case, not the customer's description pasted over:
 * the receiving team needs what was found out and what the customer wants, so nobody asks them again. A note
 * counts as a copy when at least 80% of its words, and of the description's, are the other's.
 */
export function isCopyOfDescription(note: string, description: string): boolean {
  const noteWords = words(note);
  const descriptionWords = words(description);
  if (noteWords.length === 0 || descriptionWords.length === 0) return false;
  const inDescription = new Set(descriptionWords);
  const inNote = new Set(noteWords);
  const noteCovered = noteWords.filter((word) => inDescription.has(word)).length / noteWords.length;
  const descriptionCovered = descriptionWords.filter((word) => inNote.has(word)).length / descriptionWords.length;
  return noteCovered >= 0.8 && descriptionCovered >= 0.8;
}
