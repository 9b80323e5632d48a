import { ApiProperty } from '@nestjs/swagger';

/*
 * The response shapes of GET /api/kpis and of the KPI series the agenda charts, for the OpenAPI document and as the
 * repository's return types. Several small classes in one file, as the page DTOs elsewhere: they only exist together.
 * Every formula is in docs/kpis.md; "the period's complaints" are the complaints (not suggestions) received in it.
 */

/** count out of `of`; the share is null when `of` is 0: nothing to measure is not 0 %. */
export class RatioDto {
  @ApiProperty({ example: 3 })
  count: number;

  @ApiProperty({ example: 6 })
  of: number;

  @ApiProperty({ example: 0.5, nullable: true, type: Number, description: 'count / of, 4 decimals (0.5 = 50 %); null when of is 0' })
  share: number | null;
}

/** Check 1: the first-line reaction. */
export class FirstResponseKpisDto {
  @ApiProperty({ example: 5, description: 'Complaints of the period with a first response (acknowledgement or an answer at first contact)' })
  answered: number;

  @ApiProperty({ example: 3, nullable: true, type: Number, description: 'Median hours from receipt to the first response, wall-clock, 2 decimals' })
  medianHours: number | null;

  @ApiProperty({ example: 7.4, nullable: true, type: Number, description: '90th percentile (continuous) of the same hours' })
  p90Hours: number | null;

  @ApiProperty({ type: RatioDto, description: 'Answered by their first-response deadline, of those answered or past their deadline unanswered' })
  onTime: RatioDto;
}

export class CsatDistributionDto {
  @ApiProperty({ example: 1 })
  '1': number;

  @ApiProperty({ example: 0 })
  '2': number;

  @ApiProperty({ example: 1 })
  '3': number;

  @ApiProperty({ example: 2 })
  '4': number;

  @ApiProperty({ example: 2 })
  '5': number;
}

export class CsatKpisDto {
  @ApiProperty({ example: 6, description: 'Ratings with a CSAT score' })
  responses: number;

  @ApiProperty({ example: 3.67, nullable: true, type: Number, description: 'Mean CSAT (1-5), 2 decimals' })
  average: number | null;

  @ApiProperty({ type: CsatDistributionDto, description: 'Ratings per score' })
  distribution: CsatDistributionDto;
}

export class NpsKpisDto {
  @ApiProperty({ example: 5, description: 'Ratings with a recommendation score' })
  responses: number;

  @ApiProperty({ example: 2, description: 'Scores 9-10' })
  promoters: number;

  @ApiProperty({ example: 2, description: 'Scores 7-8' })
  passives: number;

  @ApiProperty({ example: 1, description: 'Scores 0-6' })
  detractors: number;

  @ApiProperty({ example: 20, nullable: true, type: Number, description: '(promoters - detractors) / responses × 100, 1 decimal, -100 to 100' })
  score: number | null;
}

/** Check 2: empathy and respect, as the empathy guard and the customers' ratings see them. */
export class EmpathyKpisDto {
  @ApiProperty({ example: 15, description: 'Messages to the customers of the period\'s complaints' })
  messages: number;

  @ApiProperty({ example: 2, description: 'Empathy-guard warnings on those messages' })
  warnFindings: number;

  @ApiProperty({ example: 1, description: 'Blocking findings let through with an override' })
  overriddenBlockFindings: number;

  @ApiProperty({ example: 0.2, nullable: true, type: Number, description: '(warnFindings + overriddenBlockFindings) / messages, 4 decimals' })
  findingsPerMessage: number | null;

  @ApiProperty({ type: RatioDto, description: 'Messages sent with an override of the guard, of all messages' })
  overriddenMessages: RatioDto;

  @ApiProperty({ type: CsatKpisDto })
  csat: CsatKpisDto;

  @ApiProperty({ type: NpsKpisDto })
  nps: NpsKpisDto;
}

/** Check 3: a transparent, understandable process. */
export class TransparencyKpisDto {
  @ApiProperty({ type: RatioDto, description: 'Acknowledged with a next step and a date, of those owed a first response (answered or overdue, not answered outright at first contact)' })
  toldNextStepAndDate: RatioDto;

  @ApiProperty({ type: RatioDto, description: 'Later expected dates announced before the date they replaced had passed, of all later expected dates' })
  delaysAnnouncedBeforeDeadline: RatioDto;
}

export class RecurrenceKpisDto {
  @ApiProperty({ example: 1, description: 'Complaints of the period matching an action done before they were received' })
  complaints: number;

  @ApiProperty({ type: RatioDto, description: 'Actions with at least one such complaint, of the actions done before the period ended' })
  actions: RatioDto;
}

/** Check 4: mechanisms that stop the problem from recurring. */
export class PreventRecurrenceKpisDto {
  @ApiProperty({ type: RatioDto, description: 'Closed (with a root cause), of the period\'s complaints answered and not reopened (resolved or closed)' })
  closedWithRootCause: RatioDto;

  @ApiProperty({ example: 1, description: 'Of the closed: with a prevention action' })
  closedWithPreventionAction: number;

  @ApiProperty({ example: 1, description: 'Of the closed: "no systemic cause", justified' })
  closedNoSystemicCause: number;

  @ApiProperty({ type: RatioDto, description: 'Prevention actions done in the period by their due date, of those done in the period' })
  actionsDoneOnTime: RatioDto;

  @ApiProperty({ type: RecurrenceKpisDto })
  recurrence: RecurrenceKpisDto;
}

/** Check 5: how refusals are handled. */
export class RefusalKpisDto {
  @ApiProperty({ example: 7, description: 'Answers given on the period\'s complaints, second answers after a dispute included' })
  resolutions: number;

  @ApiProperty({ type: RatioDto, description: 'Answers not upheld or partially upheld, of all answers' })
  refusals: RatioDto;

  @ApiProperty({ example: 1 })
  notUpheld: number;

  @ApiProperty({ example: 1 })
  partiallyUpheld: number;

  @ApiProperty({ type: RatioDto, description: 'Refusals that told the customer what they can do next, of refusals' })
  withNextSteps: RatioDto;

  @ApiProperty({ type: RatioDto, description: 'Refusals that offered an alternative, of refusals' })
  withAlternative: RatioDto;

  @ApiProperty({ type: RatioDto, description: 'Refusals the customer disputed, of refusals' })
  disputed: RatioDto;
}

export class VolumeKpisDto {
  @ApiProperty({ example: 6 })
  complaints: number;

  @ApiProperty({ example: 1 })
  suggestions: number;

  @ApiProperty({ example: 7 })
  total: number;
}

export class BreachKpisDto {
  @ApiProperty({ example: 3, description: 'Complaints of the period that missed their first-response deadline' })
  firstResponse: number;

  @ApiProperty({ type: RatioDto, description: 'Complaints whose resolution deadline passed while open, of the period\'s complaints' })
  resolution: RatioDto;
}

/** One period's KPIs: one block per check of PRODUCT.md, then volume and breaches. */
export class KpiBlocksDto {
  @ApiProperty({ type: FirstResponseKpisDto })
  firstResponse: FirstResponseKpisDto;

  @ApiProperty({ type: EmpathyKpisDto })
  empathy: EmpathyKpisDto;

  @ApiProperty({ type: TransparencyKpisDto })
  transparency: TransparencyKpisDto;

  @ApiProperty({ type: PreventRecurrenceKpisDto })
  preventRecurrence: PreventRecurrenceKpisDto;

  @ApiProperty({ type: RefusalKpisDto })
  refusals: RefusalKpisDto;

  @ApiProperty({ type: VolumeKpisDto })
  volume: VolumeKpisDto;

  @ApiProperty({ type: BreachKpisDto })
  breaches: BreachKpisDto;
}

/** [from, to): from inclusive, to exclusive. */
export class PeriodDto {
  @ApiProperty({ format: 'date-time' })
  from: Date;

  @ApiProperty({ format: 'date-time', description: 'Exclusive' })
  to: Date;
}

/** A period with its KPIs: one point of the agenda's charts. */
export class PeriodKpisDto {
  @ApiProperty({ type: PeriodDto })
  period: PeriodDto;

  @ApiProperty({ type: KpiBlocksDto })
  kpis: KpiBlocksDto;
}

export class KpisDto {
  @ApiProperty({ type: PeriodDto })
  period: PeriodDto;

  @ApiProperty({ type: PeriodDto, description: 'As long as period, ending where it starts' })
  previousPeriod: PeriodDto;

  @ApiProperty({ type: KpiBlocksDto })
  current: KpiBlocksDto;

  @ApiProperty({ type: KpiBlocksDto })
  previous: KpiBlocksDto;
}
