import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Operation = { summary?: string };
type OpenApiDocument = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

describe('the OpenAPI document at /docs-json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives every operation a summary', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    const document = res.body as OpenApiDocument;
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ operation: `${method.toUpperCase()} ${path}`, summary: item[method]!.summary })),
    );
    // A document without operations would pass the check below for nothing.
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter(({ summary }) => !summary?.trim()).map(({ operation }) => operation)).toEqual([]);
  });
});
