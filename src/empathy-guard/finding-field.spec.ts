import { describe, expect, it } from '@jest/globals';
import type { Finding } from './empathy-guard.js';
import { fieldOfFinding } from './finding-field.js';

/** A guard finding, as the guard hands them over. */
const finding = (rule: string, start: number, end: number): Finding => ({ rule, severity: 'block', start, end, suggestion: '' });

const at = (text: string, words: string): Finding => {
  const start = text.indexOf(words);
  return { rule: 'r', severity: 'block', start, end: start + words.length, suggestion: '' };
};

describe('fieldOfFinding', () => {
  const text = 'Dear customer,\nSorry. As per our policy.\nNext: you should have called.\nRegards';
  const locate = fieldOfFinding(text, [['message', 'Sorry. As per our policy.'], ['nextSteps', 'you should have called.']], 'message');

  it('names the field whose words hold the finding', () => {
    expect(locate(at(text, 'As per our policy'))).toBe('message');
    expect(locate(at(text, 'you should have'))).toBe('nextSteps');
  });

  it('gives template words and missing elements (0..0) to the fallback', () => {
    expect(locate(at(text, 'Regards'))).toBe('message');
    expect(locate(finding('missing_date', 0, 0))).toBe('message');
  });

  it('finds a part after the one before it, so equal words in two fields are told apart', () => {
    const twice = 'Intro. calm down. Then: calm down.';
    const locateTwice = fieldOfFinding(twice, [['customerMessage', 'calm down.'], ['nextSteps', 'calm down.']], 'customerMessage');
    const second = twice.lastIndexOf('calm down');
    expect(locateTwice(finding('dismisses', second, second + 9))).toBe('nextSteps');
  });

  it('skips absent parts', () => {
    expect(fieldOfFinding(text, [['remedy', null], ['nextSteps', 'you should have called.']], 'customerMessage')(at(text, 'you should'))).toBe('nextSteps');
  });
});
