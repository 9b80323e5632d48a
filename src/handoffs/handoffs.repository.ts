import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { StaffEntity } from '../auth/staff.entity.js';
import { HandoffEntity } from './handoff.entity.js';

@Injectable()
export class HandoffsRepository {
  findDepartment(manager: EntityManager, id: string): Promise<DepartmentEntity | null> {
    return manager.getRepository(DepartmentEntity).findOneBy({ id });
  }

  isStaffOf(manager: EntityManager, staffId: string, departmentId: string): Promise<boolean> {
    return manager.getRepository(StaffEntity).existsBy({ id: staffId, departmentId });
  }

  async insert(manager: EntityManager, handoff: Omit<HandoffEntity, 'id' | 'firstActionAt'>): Promise<string> {
    const result = await manager.getRepository(HandoffEntity).insert({ ...handoff, firstActionAt: null });
    return result.identifiers[0].id as string;
  }
}
