import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApiClientEntity } from './api-client.entity.js';
import type { Principal, Role } from './roles.js';
import { StaffEntity } from './staff.entity.js';
import { generateToken, hashToken } from './token.js';

export interface IssuedCredential {
  id: string;
  token: string;
}

@Injectable()
export class CredentialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findPrincipalByToken(token: string): Promise<Principal | null> {
    const tokenHash = hashToken(token);
    const staff = await this.dataSource.getRepository(StaffEntity).findOneBy({ tokenHash });
    if (staff) return { kind: 'staff', id: staff.id, roles: [staff.role], departmentId: staff.departmentId };
    const client = await this.dataSource.getRepository(ApiClientEntity).findOneBy({ tokenHash });
    if (client) return { kind: 'api_client', id: client.id, roles: client.roles, departmentId: null };
    return null;
  }

  async createStaff(
    manager: EntityManager,
    staff: { name: string; email: string; role: Role; departmentId: string | null },
    token = generateToken('rds'),
  ): Promise<IssuedCredential> {
    const saved = await manager.getRepository(StaffEntity).save({ ...staff, tokenHash: hashToken(token) });
    return { id: saved.id, token };
  }

  async createApiClient(manager: EntityManager, client: { name: string; roles: Role[] }): Promise<IssuedCredential> {
    const token = generateToken('rdc');
    const saved = await manager.getRepository(ApiClientEntity).save({ ...client, tokenHash: hashToken(token) });
    return { id: saved.id, token };
  }

  async anyAdminExists(manager: EntityManager): Promise<boolean> {
    return manager.getRepository(StaffEntity).existsBy({ role: 'admin' });
  }
}
