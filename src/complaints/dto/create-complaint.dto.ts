import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsISO8601, IsNotEmptyObject, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SEVERITIES, type Severity } from '../../sla/sla-targets.js';
import type { ComplaintType, ContactChannel, IntakeChannel } from '../complaint.entity.js';

export const COMPLAINT_TYPES: ComplaintType[] = ['complaint', 'suggestion'];
export const INTAKE_CHANNELS: IntakeChannel[] = ['phone', 'email', 'web', 'in_person', 'social', 'letter', 'api'];
export const CONTACT_CHANNELS: ContactChannel[] = ['email', 'phone', 'sms', 'letter', 'portal'];
/** The status page always shows every message, so the portal cannot be excluded. */
export const EXCLUDABLE_CHANNELS: ContactChannel[] = ['email', 'phone', 'sms', 'letter'];
/** Languages customer-facing text exists in; others fall back to English. */
export const LANGUAGES = ['en', 'uk', 'ru', 'lv'] as const;
/** Lengths count spaces too: a name, summary or address of blanks passes them but says nothing. */
const SOMETHING_SAID = /\S/;
/** At least five digits among the separators: '(--) -' fits the character set but reaches nobody. */
const PHONE = /^\+?(?=(?:[ ()-]*[0-9]){5})[0-9 ()-]{5,30}$/;

export class CustomerDto {
  @ApiProperty({ required: false, example: 'HD-88123', description: "The customer's id in the support desk" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalRef?: string;

  @ApiProperty({ example: 'Anna Berzina' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(SOMETHING_SAID, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ required: false, example: 'anna@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiProperty({ required: false, example: '+37120000000' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty({ required: false, example: 'Brivibas iela 1, Riga, LV-1010', description: 'Needed when the preferred channel is letter' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  @Matches(SOMETHING_SAID, { message: 'postalAddress must not be blank' })
  postalAddress?: string;

  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'phone', description: 'Every message to the customer goes through this channel only' })
  @IsIn(CONTACT_CHANNELS)
  preferredChannel: ContactChannel;

  @ApiProperty({
    required: false,
    enum: EXCLUDABLE_CHANNELS,
    isArray: true,
    example: ['letter'],
    description: 'Channels never to use, even when the preferred one fails (unanswered calls fall back to another stated contact)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EXCLUDABLE_CHANNELS.length)
  @ArrayUnique()
  @IsIn(EXCLUDABLE_CHANNELS, { each: true })
  excludedChannels?: ContactChannel[];

  @ApiProperty({ required: false, example: 'Call my mobile after 17:00, not the landline' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  contactInstructions?: string;

  @ApiProperty({ required: false, enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: (typeof LANGUAGES)[number];
}

export class CreateComplaintDto {
  @ApiProperty({ enum: COMPLAINT_TYPES, example: 'complaint' })
  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  @ApiProperty({ enum: INTAKE_CHANNELS, example: 'phone' })
  @IsIn(INTAKE_CHANNELS)
  channel: IntakeChannel;

  @ApiProperty({ example: 'billing-error' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  categoryCode: string;

  @ApiProperty({ enum: SEVERITIES, example: 'high' })
  @IsIn(SEVERITIES)
  severity: Severity;

  @ApiProperty({ example: 'Charged twice for October' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  @Matches(SOMETHING_SAID, { message: 'summary must not be blank' })
  summary: string;

  @ApiProperty({ example: 'My October invoice was debited twice from my card on 3 November.' })
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  @Matches(SOMETHING_SAID, { message: 'description must not be blank' })
  description: string;

  @ApiProperty({ required: false, example: 'Refund the second payment' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  desiredOutcome?: string;

  @ApiProperty({ required: false, example: '2026-11-23T09:15:00Z', description: 'When the customer raised it; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiProperty({ type: CustomerDto })
  @IsObject()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => CustomerDto)
  customer: CustomerDto;
}
