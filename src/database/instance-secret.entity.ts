import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Random keys generated on first start and shared by every instance, when not given in the environment. */
@Entity('instance_secrets')
export class InstanceSecretEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_instance_secrets' })
  name: string;

  @Column('text')
  value: string;
}
