import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * POST /api/messages/check: the empathy guard on a draft, over HTTP. The rules themselves are tested densely in
 * src/empathy-guard/empathy-guard.spec.ts; this file checks the contract: body, findings, validation and roles.
 */

const PATH = '/api/messages/check';

/** The one error body of the contract, with exactly these fields named in details (when given). */
function expectError(res: Response, status: number, code: string, fields?: string[]): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(Object.keys(res.body).sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
  expect(res.body).toMatchObject({ statusCode: status, error: STATUS_CODES[status], message: expect.stringMatching(/\S/) });
  for (const detail of res.body.details) expect(Object.keys(detail).sort()).toEqual(['field', 'problem']);
  if (fields) expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
}

/** A blaming sentence in each language and the words the guard must point at. */
const BLAMING: Array<[string, string, string]> = [
  ['en', 'You failed to send us the meter reading.', 'You failed to'],
  ['uk', 'Ви повинні були надіслати нам показники лічильника.', 'Ви повинні були'],
  ['ru', 'Это произошло по вашей вине.', 'по вашей вине'],
  ['lv', 'Tas notika jūsu vainas dēļ.', 'jūsu vainas dēļ'],
];

describe('POST /api/messages/check', () => {
  let t: TestApp;
  let org: Organisation;
  const check = (body: unknown, token = org.tokens.agent) => t.http().post(PATH).set(bearer(token)).send(body as object);

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each(BLAMING)('flags blaming wording in %s, with offsets into the text', async (language, text, words) => {
    const res = await check({ text, language, kind: 'update' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['findings']);
    const blame = res.body.findings.find((finding: { rule: string }) => finding.rule === 'blames_customer');
    expect(blame).toEqual({ rule: 'blames_customer', severity: 'block', start: expect.any(Number), end: expect.any(Number), suggestion: expect.stringMatching(/\S/) });
    expect(text.slice(blame.start, blame.end)).toBe(words);
  });

  it('answers the findings sorted by start, missing elements first, in the language of the rules', async () => {
    const text = 'As per our policy, the refund is refused. Calm down!!';
    const res = await check({ text, language: 'en', kind: 'refusal' });
    expect(res.status).toBe(200);
    expect(res.body.findings.map((f: { rule: string; start: number; end: number }) => [f.rule, text.slice(f.start, f.end)])).toEqual([
      // A refusal without empathy is warned about, not blocked (docs/empathy-guard.md).
      ['missing_empathy', ''],
      ['missing_escalation_route', ''],
      ['missing_next_step', ''],
      ['missing_reason', ''],
      ['hides_behind_policy', 'As per our policy'],
      ['dismisses', 'Calm down'],
      ['shouting', '!!'],
    ]);
  });

  it('answers no findings for a well-written acknowledgement', async () => {
    const text =
      'Дякуємо, що повідомили нам, і перепрошуємо, що з вас двічі списали оплату. Наш відділ розрахунків перевірить обидва платежі та поверне зайву суму до пʼятниці, 27 листопада.';
    const res = await check({ text, language: 'uk', kind: 'acknowledgement' });
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { findings: [] } });
  });

  it('checks a regional tag with its language and an unknown language as English', async () => {
    const regional = await check({ text: 'Jūs kļūdāties.', language: 'lv-LV', kind: 'update' });
    expect(regional.body.findings.map((f: { rule: string }) => f.rule)).toContain('dismisses');
    const unknown = await check({ text: 'You are wrong.', language: 'de', kind: 'update' });
    expect(unknown.status).toBe(200);
    expect(unknown.body.findings.map((f: { rule: string }) => f.rule)).toContain('dismisses');
  });

  it('is documented in the OpenAPI document with examples', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths[PATH].post.responses['200']).toBeDefined();
    const schema = res.body.components.schemas.CheckMessageDto;
    expect(schema.required.sort()).toEqual(['kind', 'language', 'text']);
    expect(schema.properties.kind.enum).toEqual(['acknowledgement', 'thanks', 'update', 'delay', 'resolution', 'refusal']);
    for (const field of ['text', 'language', 'kind']) expect(schema.properties[field].example).toEqual(expect.any(String));
  });

  describe('refuses a malformed body with 400 and names the field', () => {
    const valid = { text: 'We will call you tomorrow.', language: 'en', kind: 'update' };
    it.each([
      ['an unknown kind', { ...valid, kind: 'apology' }, ['kind']],
      ['a language that is not a string', { ...valid, language: 7 }, ['language']],
      ['a language that is not a language code', { ...valid, language: 'en glish!' }, ['language']],
      ['a missing text', { language: 'en', kind: 'update' }, ['text']],
      ['a blank text', { ...valid, text: '  \n ' }, ['text']],
      ['a text that is not a string', { ...valid, text: ['You failed to'] }, ['text']],
      ['a text over 10 000 characters', { ...valid, text: 'a'.repeat(10_001) }, ['text']],
      ['an unknown field', { ...valid, override: { justification: 'long enough to pass' } }, ['override']],
      ['a missing kind and language', { text: 'Hello' }, ['language', 'kind']],
    ])('%s', async (_case, body, fields) => {
      expectError(await check(body), 400, 'VALIDATION_FAILED', fields as string[]);
    });

    it('a body that is not JSON', async () => {
      const res = await t.http().post(PATH).set(bearer(org.tokens.agent)).set('content-type', 'application/json').send('{"text":');
      expectError(res, 400, 'MALFORMED_BODY');
    });
  });

  describe('who may call it', () => {
    const body = { text: 'We will call you tomorrow.', language: 'en', kind: 'update' };

    it('answers 401 without a token or with an unknown one', async () => {
      expectError(await t.http().post(PATH).send(body), 401, 'UNAUTHENTICATED');
      expectError(await check(body, 'rds_not-a-real-token-0123456789'), 401, 'UNAUTHENTICATED');
    });

    it.each(['agent', 'resolver', 'department_head', 'admin', 'desk'] as const)('lets %s check a draft', async (caller) => {
      const res = await check(body, org.tokens[caller]);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { findings: [] } });
    });

    it('answers 403 to the committee chair, who does not write to customers', async () => {
      expectError(await check(body, org.tokens.chair), 403, 'FORBIDDEN');
    });
  });
});
