import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { HandoffEntity } from '../handoffs/handoff.entity.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { CategoryEntity } from '../admin/category.entity.js';
import { DepartmentEntity } from '../admin/department.entity.js';
import type { KeysetPosition } from '../common/pagination.js';
import { ComplaintEventEntity, type ActorKind } from './complaint-event.entity.js';
import { ComplaintEntity } from './complaint.entity.js';

export interface QueueFilter {
  status?: string;
  departmentId?: string;
  breached?: boolean;
  type?: string;
  categoryCode?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  after?: KeysetPosition;
  limit: number;
}

export interface NewEvent {
  complaintId: string;
  type: string;
  actorKind: ActorKind;
  actorId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
}

@Injectable()
export class ComplaintsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findCategoryByCode(manager: EntityManager, code: string): Promise<CategoryEntity | null> {
    return manager.getRepository(CategoryEntity).findOneBy({ code });
  }

  async nextReferenceNumber(manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT nextval('complaint_reference_seq') AS n`);
    return Number(row.n);
  }

  async insert(manager: EntityManager, complaint: Partial<ComplaintEntity>): Promise<void> {
    await manager.getRepository(ComplaintEntity).insert(complaint);
  }

  findByIdempotencyKey(principalId: string, key: string): Promise<ComplaintEntity | null> {
    return this.dataSource.getRepository(ComplaintEntity).findOne({
      where: { idempotencyPrincipalId: principalId, idempotencyKey: key },
      relations: { category: true, owningDepartment: true },
    });
  }

  findForRead(id: string): Promise<ComplaintEntity | null> {
    return this.dataSource.getRepository(ComplaintEntity).findOne({ where: { id }, relations: { category: true, owningDepartment: true } });
  }

  /**
   * Inside a transaction, pass its manager: the embedded database has a single connection, so a read on another one
   * would wait for the transaction that waits for it.
   */
  findByPublicTokenHash(publicTokenHash: string, manager: EntityManager = this.dataSource.manager): Promise<ComplaintEntity | null> {
    return manager.getRepository(ComplaintEntity).findOne({ where: { publicTokenHash }, relations: { owningDepartment: true } });
  }

  /** Row-locks the complaint for the rest of the transaction, so concurrent transitions queue up. */
  lockForTransition(manager: EntityManager, id: string): Promise<ComplaintEntity | null> {
    return manager.getRepository(ComplaintEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, changes: Partial<ComplaintEntity>): Promise<void> {
    await manager.getRepository(ComplaintEntity).update({ id }, changes);
  }

  async appendEvent(manager: EntityManager, event: NewEvent): Promise<void> {
    // TypeORM's deep-partial type cannot express free-form jsonb; the column takes any JSON object.
    await manager.getRepository(ComplaintEventEntity).insert(event as QueryDeepPartialEntity<ComplaintEventEntity>);
  }

  /** The receiving department's first action ends the time the complaint waited in the handoff. */
  async endHandoffWait(manager: EntityManager, complaintId: string, departmentId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE handoffs SET first_action_at = $3 WHERE complaint_id = $1 AND to_department_id = $2 AND first_action_at IS NULL`,
      [complaintId, departmentId, at],
    );
  }

  /** The latest handoff of each complaint: what the receiving department reads in its queue. */
  async latestHandoffs(complaintIds: string[]): Promise<Map<string, HandoffEntity>> {
    if (complaintIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(HandoffEntity)
      .createQueryBuilder('h')
      .leftJoinAndSelect('h.fromDepartment', 'fromDepartment')
      .distinctOn(['h.complaintId'])
      .where({ complaintId: In(complaintIds) })
      .orderBy('h.complaintId')
      .addOrderBy('h.handedOffAt', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.complaintId, row]));
  }

  findDepartmentName(manager: EntityManager, id: string): Promise<DepartmentEntity | null> {
    return manager.getRepository(DepartmentEntity).findOneBy({ id });
  }

  timeline(complaintId: string): Promise<ComplaintEventEntity[]> {
    return this.dataSource.getRepository(ComplaintEventEntity).find({ where: { complaintId }, order: { id: 'ASC' } });
  }

  /** The staff queue: newest first, keyset-paginated on (received_at, id) so pages stay stable under inserts. */
  queue(filter: QueueFilter): Promise<ComplaintEntity[]> {
    const query = this.dataSource
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.category', 'category')
      .leftJoinAndSelect('c.owningDepartment', 'owningDepartment')
      .orderBy('c.receivedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit);
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.departmentId) query.andWhere('c.owningDepartmentId = :departmentId', { departmentId: filter.departmentId });
    if (filter.type) query.andWhere('c.type = :type', { type: filter.type });
    if (filter.categoryCode) query.andWhere('category.code = :categoryCode', { categoryCode: filter.categoryCode });
    if (filter.breached !== undefined) query.andWhere(`c.firstResponseBreachedAt IS ${filter.breached ? 'NOT ' : ''}NULL`);
    if (filter.receivedFrom) query.andWhere('c.receivedAt >= :receivedFrom', { receivedFrom: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('c.receivedAt < :receivedTo', { receivedTo: filter.receivedTo });
    if (filter.after) query.andWhere('(c.receivedAt, c.id) < (:afterAt, :afterId)', { afterAt: new Date(filter.after.at), afterId: filter.after.id });
    return query.getMany();
  }
}
