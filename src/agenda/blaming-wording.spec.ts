import { describe, expect, it } from '@jest/globals';
import { STAFF_NAMES } from '../../test/factories/agenda.js';
import { createRedactor, PLACEHOLDERS } from '../privacy/redaction.js';
import { findBlamingWording } from './blaming-wording.js';

const staff = createRedactor(STAFF_NAMES);
const S = PLACEHOLDERS.staff;

describe('blaming wording in quoted texts', () => {
  it("flags the empathy guard's blames_customer and the no-blame guard's blames_person, with the words", () => {
    expect(findBlamingWording('You failed to cancel before the billing date.')).toEqual([{ rule: 'blames_customer', words: 'You failed to' }]);
    expect(findBlamingWording('It was human error. The clerk was careless.')).toEqual([
      { rule: 'blames_person', words: 'human error' },
      { rule: 'blames_person', words: 'careless' },
    ]);
    expect(findBlamingWording('Tā ir jūsu vaina.')).toEqual([expect.objectContaining({ rule: 'blames_customer' })]);
  });

  it('does not flag process wording, or a person mentioned with the process factor that let it happen', () => {
    expect(findBlamingWording('The refund form has no field for the second payment.')).toEqual([]);
    expect(findBlamingWording('The agent forgot the step because the checklist is missing it.')).toEqual([]);
    expect(findBlamingWording('You should have received our letter on Monday.')).toEqual([]);
  });

  it('quotes redacted words when run on redacted text', () => {
    const text = staff('Dana Ozola made a mistake.');
    expect(findBlamingWording(text)).toEqual([{ rule: 'blames_person', words: 'made a mistake' }]);
    expect(text).toBe(`${S} made a mistake.`);
  });
});
