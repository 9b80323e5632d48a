import { describe, expect, it } from '@jest/globals';
import { prefersJson } from './content-negotiation.js';

describe('prefersJson', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['application/json, text/plain, */*', true],
    ['text/html;q=0.5, application/json', true],
    ['APPLICATION/JSON', true],
  ])('answers JSON to %p', (accept, json) => {
    expect(prefersJson(accept)).toBe(json);
  });

  it.each([
    // What browsers send for a page.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'],
    ['*/*'],
    [''],
    [undefined],
    ['text/html, application/json;q=0.9'],
    ['application/json;q=0'],
    ['application/*'],
  ])('answers the page to %p', (accept) => {
    expect(prefersJson(accept)).toBe(false);
  });
});
