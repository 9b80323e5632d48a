/*
 * npm run bench:calendar: addBusinessHours as intake calls it (three deadlines, a calendar object read fresh from
 * the database each time) against the same run's floor, adding the hours as plain milliseconds. Several rounds;
 * min / median / max microseconds per call and the ratio of the medians.
 */
import { performance } from 'node:perf_hooks';
import { addBusinessHours, type BusinessCalendar } from '../src/sla/business-calendar.js';

const CALLS = 20_000;
const ROUNDS = 7;
const START = Date.UTC(2026, 10, 2, 10);
const HOURS = [1, 8, 40];

/** As BusinessCalendarRepository returns it: a new object every time. */
const calendar = (): BusinessCalendar => ({
  timeZone: 'Europe/Riga',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: ['2026-11-18', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'],
});

function perCall(run: (i: number) => number): number {
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) sink += run(i);
  const micros = ((performance.now() - started) * 1000) / CALLS;
  if (sink === 42) console.log(''); // keeps the work from being optimised away
  return micros;
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

const app: number[] = [];
const floor: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  app.push(perCall((i) => addBusinessHours(new Date(START + i * 60_000), HOURS[i % 3], calendar()).getTime()));
  floor.push(perCall((i) => new Date(START + i * 60_000 + HOURS[i % 3] * 3_600_000).getTime()));
}
const a = stats(app);
const f = stats(floor);
const us = (value: number) => `${value.toFixed(2)} µs`;
console.log('| per call | min | median | max |');
console.log('|---|---|---|---|');
console.log(`| addBusinessHours, fresh calendar object | ${us(a.min)} | ${us(a.median)} | ${us(a.max)} |`);
console.log(`| floor: plain millisecond addition | ${us(f.min)} | ${us(f.median)} | ${us(f.max)} |`);
console.log(`ratio of medians: ${(a.median / f.median).toFixed(1)}×`);
