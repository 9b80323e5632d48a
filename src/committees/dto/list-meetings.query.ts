import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { MEETING_SOURCES, type MeetingSource } from '../meeting.entity.js';

export const MEETING_TIMES = ['upcoming', 'past'] as const;
export type MeetingTime = (typeof MEETING_TIMES)[number];

export class ListMeetingsQuery extends PageQueryDto {
  @ApiProperty({
    required: false,
    enum: MEETING_TIMES,
    description: 'upcoming: not ended yet, soonest first; past: ended, latest first; absent: all, earliest first',
  })
  @IsOptional()
  @IsIn(MEETING_TIMES)
  when?: MeetingTime;

  @ApiProperty({ required: false, enum: MEETING_SOURCES })
  @IsOptional()
  @IsIn(MEETING_SOURCES)
  source?: MeetingSource;
}
