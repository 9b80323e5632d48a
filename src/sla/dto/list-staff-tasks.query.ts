import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export class ListStaffTasksQuery extends PageQueryDto {
  @ApiProperty({ required: false, format: 'uuid', description: 'The department the tasks are raised for' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ required: false, type: Boolean, description: 'Only tasks still to do (true) or already done (false); both when absent' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}
