import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('keeps a path without a query as it is', () => {
    expect(redactUrl('/api/complaints')).toBe('/api/complaints');
    expect(redactUrl(undefined)).toBeUndefined();
  });

  it("drops every query value, raw or percent-encoded, and keeps the keys", () => {
    expect(redactUrl('/api/complaints?customerEmail=jane.doe@example.com&phone=%2B37120000000&bogus=1')).toBe(
      '/api/complaints?customerEmail=[redacted]&phone=[redacted]&bogus=[redacted]',
    );
    expect(redactUrl('/api/nowhere?email=jane.doe%40example.com&phone=+37120000000&limit=')).toBe(
      '/api/nowhere?email=[redacted]&phone=[redacted]&limit=[redacted]',
    );
    expect(redactUrl('/api/complaints?a=b=c&&flag')).toBe('/api/complaints?a=[redacted]&flag');
  });

  it('drops a key that does not read as a parameter name, which may be the data', () => {
    expect(redactUrl('/api/complaints?jane.doe@example.com&%2B37120000000=1&37120000000')).toBe('/api/complaints?[redacted]&[redacted]&[redacted]');
  });

  it("hides a status link's token, with or without a query", () => {
    expect(redactUrl('/public/complaints/abc.DEF-123/feedback')).toBe('/public/complaints/[token]/feedback');
    expect(redactUrl('/public/complaints/abc.DEF-123?lang=lv')).toBe('/public/complaints/[token]?lang=[redacted]');
  });
});
