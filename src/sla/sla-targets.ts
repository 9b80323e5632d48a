export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Business hours allowed per severity. */
export type HoursBySeverity = Record<Severity, number>;

export interface SlaTargets {
  firstResponseHours: HoursBySeverity;
  resolutionHours: HoursBySeverity;
}

/**
 * Defaults for a category that names no targets: a critical complaint is answered within the business hour
 * and resolved within a day; a low one within two days and two weeks.
 */
export const DEFAULT_SLA_TARGETS: SlaTargets = {
  firstResponseHours: { low: 16, medium: 8, high: 4, critical: 1 },
  resolutionHours: { low: 80, medium: 40, high: 24, critical: 8 },
};
