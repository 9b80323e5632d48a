import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export class ListStaffNotificationsQuery extends PageQueryDto {
  @ApiProperty({ required: false, format: 'uuid', description: 'The department whose head is notified' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
