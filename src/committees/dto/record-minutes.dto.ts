import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CreatePreventionActionDto } from '../../prevention/dto/create-prevention-action.dto.js';

export class DecisionDto {
  @ApiProperty({ example: 'Billing and Network agree one retry rule for the card gateway, reviewed at the next meeting.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;

  @ApiProperty({ required: false, type: CreatePreventionActionDto, description: 'A prevention action the decision creates, as POST /api/prevention-actions takes it' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CreatePreventionActionDto)
  preventionAction?: CreatePreventionActionDto;
}

export class RecordMinutesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The departments that attended' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attendeeDepartmentIds: string[];

  @ApiProperty({ type: [DecisionDto], description: 'In the order they were taken; may be empty' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions: DecisionDto[];
}
