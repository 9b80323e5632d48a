import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher.js';
import { EffectivenessSweepService } from '../../src/prevention/effectiveness-sweep.service.js';
import { SlaSweepService } from '../../src/sla/sla-sweep.service.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/webhooks/webhook-event-types.js';
import { acknowledge, handOff, logComplaint, publicTokenOf, resolve } from '../factories/complaints.js';
import { asAdmin, bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/*
 * Every event type reaches a subscribed endpoint, once, from the change that causes it: a complaint's whole life, a
 * keep-informed task of the sweep, a prevention action moved on by its head and by the effectiveness check, and an
 * agenda published.
 */

const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const DAY = 86_400_000;

describe('webhook events', () => {
  let t: TestApp;
  let org: Organisation;
  let receiver: WebhookReceiver;

  const received = () => [...receiver.processed.values()].map((e) => e.payload);
  const deliver = () => t.app.get(OutboxDispatcher).drain();

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp();
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
    const created = await t.http().post('/api/webhooks').set(asAdmin).send({ url: receiver.url, events: [...WEBHOOK_EVENT_TYPES] });
    expect(created.status).toBe(201);
    receiver.setSecret(created.body.secret);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('follows a complaint from intake to closing, with its status at each step', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, { customer: { name: 'Anna', preferredChannel: 'portal' } });
    await acknowledge(t, org.tokens.agent, complaint.id);
    await handOff(t, org.tokens.agent, complaint.id, org.otherDepartmentId);
    await resolve(t, org.tokens.resolver, complaint.id);
    const disputed = await t.http().post(`/public/complaints/${publicTokenOf(complaint)}/dispute`).send({ reason: 'The money is still missing from my account.' });
    expect(disputed.status).toBe(200);
    await resolve(t, org.tokens.resolver, complaint.id);
    const reopened = await t.http().post(`/api/complaints/${complaint.id}/reopen`).set(bearer(org.tokens.resolver)).send({ reason: 'The refund bounced back from the bank.' });
    expect(reopened.status).toBe(200);
    await resolve(t, org.tokens.resolver, complaint.id);
    const rootCause = await t.http().post(`/api/complaints/${complaint.id}/root-cause`).set(bearer(org.tokens.resolver)).send({
      causeCode: 'process_gap',
      description: 'The refund form has no check for a payment the gateway already retried.',
      noSystemicCause: { justification: 'A one-off outage of the card scheme, announced by the scheme itself.' },
    });
    expect(rootCause.status).toBe(200);
    expect((await t.http().post(`/api/complaints/${complaint.id}/close`).set(bearer(org.tokens.resolver)).send({})).status).toBe(200);
    await deliver();

    const steps = received()
      .filter((e) => e.data.complaintId === complaint.id && e.type.startsWith('complaint.'))
      .sort((a, b) => a.data.version - b.data.version)
      .map((e) => [e.type, e.data.status]);
    expect(steps).toEqual([
      ['complaint.created', 'received'],
      ['complaint.acknowledged', 'acknowledged'],
      ['complaint.handed_off', 'in_resolution'],
      ['complaint.resolved', 'resolved'],
      ['complaint.disputed', 'reopened'],
      ['complaint.resolved', 'resolved'],
      ['complaint.reopened', 'reopened'],
      ['complaint.resolved', 'resolved'],
      ['complaint.closed', 'closed'],
    ]);
    expect(receiver.repeats).toBe(0);
  });

  it('tells of a keep-informed task the sweep raised', async () => {
    const complaint = await logComplaint(t, org.tokens.agent);
    await acknowledge(t, org.tokens.agent, complaint.id);
    t.clock.set(new Date(new Date(MONDAY_9).getTime() + 10 * DAY));
    await t.app.get(SlaSweepService).sweep();
    await deliver();
    const task = received().find((e) => e.type === 'staff_task.created' && e.data.complaintId === complaint.id && e.data.kind === 'keep_informed');
    expect(task?.data).toMatchObject({ attempt: 1, departmentId: org.departmentId, links: { tasks: expect.stringContaining('/api/staff-tasks?departmentId=') } });
    t.clock.set(MONDAY_9);
  });

  it('tells of a prevention action moved on by its head, and by the effectiveness check', async () => {
    const created = await t.http().post('/api/prevention-actions').set(bearer(org.tokens.department_head)).send({
      title: 'Make card gateway retries idempotent',
      description: 'Retries carry the payment reference so that the bank refuses a second debit.',
      causeCode: 'tooling',
      ownerDepartmentId: org.departmentId,
      dueAt: '2027-03-31T17:00:00Z',
      successCriterion: { targetReductionPct: 50, windowDays: 30 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const status of ['in_progress', 'done']) {
      expect((await t.http().patch(`/api/prevention-actions/${id}`).set(bearer(org.tokens.department_head)).send({ status })).status).toBe(200);
    }
    t.clock.set(new Date(new Date(MONDAY_9).getTime() + 31 * DAY));
    await t.app.get(EffectivenessSweepService).sweep();
    await deliver();
    const moves = received()
      .filter((e) => e.type === 'prevention_action.status_changed' && e.data.preventionActionId === id)
      .sort((a, b) => a.data.version - b.data.version)
      .map((e) => [e.data.previousStatus, e.data.status]);
    // Too few complaints before the action for a verdict: it stays verifying, which is no change of status.
    expect(moves).toEqual([
      ['planned', 'in_progress'],
      ['in_progress', 'verifying'],
    ]);
    t.clock.set(MONDAY_9);
  });

  it('tells of an agenda published', async () => {
    const committee = await t.http().post('/api/committees').set(asAdmin).send({
      name: 'Customer committee',
      memberDepartmentIds: [org.departmentId],
      cadence: '0 10 * * 1',
      timeZone: 'Europe/Riga',
      durationMinutes: 90,
      agendaLeadDays: 3,
    });
    expect(committee.status).toBe(201);
    const meetings = await t.http().get(`/api/committees/${committee.body.id}/meetings?when=upcoming`).set(asAdmin);
    const meetingId = meetings.body.items[0].id;
    expect((await t.http().post(`/api/meetings/${meetingId}/agenda`).set(asAdmin)).status).toBe(201);
    await deliver();
    expect(received().find((e) => e.type === 'agenda.published')?.data).toMatchObject({
      meetingId,
      committeeId: committee.body.id,
      version: 1,
      departmentIds: [org.departmentId],
      links: { agenda: `http://redress.test/api/meetings/${meetingId}/agenda?version=1` },
    });
  });
});
