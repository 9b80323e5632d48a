import type { EntityManager } from 'typeorm';

/**
 * The key of every PostgreSQL advisory lock the app takes, in one place so that two jobs can never share one by
 * accident. Arbitrary but fixed: every instance must use the same numbers.
 */
export const ADVISORY_LOCKS = {
  bootstrapAdmin: 7_410_001,
  slaSweep: 7_410_101,
  effectivenessSweep: 7_410_102,
  committeeScheduler: 7_410_103,
  kpiCompaction: 7_410_104,
} as const;

/**
 * Takes a transaction-scoped advisory lock without waiting: false when another instance holds it, so a scheduled
 * job skips this tick instead of queueing behind a run that already does the work. Released at commit or rollback.
 */
export async function tryAdvisoryXactLock(manager: EntityManager, key: number): Promise<boolean> {
  const [row] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [key]);
  return row.locked === true;
}
