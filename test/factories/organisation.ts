import { expect } from '@jest/globals';
import type { TestApp } from '../support/test-app.js';
import { ADMIN_TOKEN } from '../support/test-app.js';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const asAdmin = bearer(ADMIN_TOKEN);

export interface Organisation {
  departmentId: string;
  otherDepartmentId: string;
  categoryCode: string;
  tokens: { agent: string; resolver: string; department_head: string; chair: string; admin: string; desk: string };
}

/** A department with its category and one token per role, created through the admin API. */
export async function seedOrganisation(t: TestApp): Promise<Organisation> {
  const http = t.http();
  const department = await http.post('/api/departments').set(asAdmin).send({ code: 'billing', name: 'Billing' });
  expect(department.status).toBe(201);
  const other = await http.post('/api/departments').set(asAdmin).send({ code: 'network', name: 'Network' });
  const category = await http
    .post('/api/categories')
    .set(asAdmin)
    .send({ code: 'billing-error', name: 'Billing error', ownerDepartmentId: department.body.id });
  expect(category.status).toBe(201);
  const staff = async (role: string, departmentId?: string) => {
    const res = await http.post('/api/staff').set(asAdmin).send({ name: `Test ${role}`, email: `${role}@example.com`, role, departmentId });
    expect(res.status).toBe(201);
    return res.body.token as string;
  };
  const desk = await http.post('/api/api-clients').set(asAdmin).send({ name: 'Support desk', roles: ['agent'] });
  expect(desk.status).toBe(201);
  return {
    departmentId: department.body.id,
    otherDepartmentId: other.body.id,
    categoryCode: 'billing-error',
    tokens: {
      agent: await staff('agent', department.body.id),
      resolver: await staff('resolver', department.body.id),
      department_head: await staff('department_head', department.body.id),
      chair: await staff('chair'),
      admin: ADMIN_TOKEN,
      desk: desk.body.token,
    },
  };
}

/** A valid intake body; override any part. */
export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    type: 'complaint',
    channel: 'phone',
    categoryCode: 'billing-error',
    severity: 'high',
    summary: 'Charged twice for October',
    description: 'My October invoice was debited twice from my card on 3 November.',
    desiredOutcome: 'Refund the second payment',
    customer: {
      externalRef: 'HD-1',
      name: 'Anna Berzina',
      email: 'anna@example.com',
      phone: '+37120000000',
      preferredChannel: 'phone',
      contactInstructions: 'Call my mobile after 17:00, not the landline',
      language: 'en',
    },
    ...overrides,
  };
}
