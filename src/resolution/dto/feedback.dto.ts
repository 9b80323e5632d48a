import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class FeedbackDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 5, description: 'How satisfied you are with the resolution' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  csat?: number;

  @ApiProperty({ required: false, minimum: 0, maximum: 10, description: 'How likely you are to recommend us' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  nps?: number;

  @ApiProperty({ required: false, example: 'Quick and friendly, thank you.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
