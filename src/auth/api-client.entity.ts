import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Role } from './roles.js';

@Entity('api_clients')
@Unique('uq_api_clients_token_hash', ['tokenHash'])
@Check('ck_api_clients_roles', `"roles" <@ ARRAY['agent', 'resolver', 'department_head', 'chair', 'admin']::text[] AND cardinality("roles") > 0`)
export class ApiClientEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_api_clients' })
  id: string;

  @Column('text')
  name: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
