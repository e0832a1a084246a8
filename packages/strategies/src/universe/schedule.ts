import { InvalidArgumentError, MS_PER_DAY, type EpochMs } from '@alphaswarm/core';

/**
 * When a scheduled model (a universe refresh, a momentum rebalance, a pairs
 * re-selection) acts, as a rule a {@link Schedule} evaluates once per bar:
 *
 * - a predicate `(time) => boolean`: due exactly on the bars for which it returns true;
 * - `{ kind: 'bars', every: n }`: due on the 1st call and then every `n`-th call
 *   (calls 0, n, 2n, … counted by the schedule itself, so "bars" are the bars the
 *   model sees — timestamps of the run);
 * - `{ kind: 'weekly', weekday }`: due on the first bar at or after each `weekday`
 *   00:00 UTC (0 = Sunday … 6 = Saturday, default 1 = Monday), and on the first call;
 * - `{ kind: 'monthly', day }`: due on the first bar at or after day `day` (1–28,
 *   default 1) 00:00 UTC of each month, and on the first call.
 *
 * Calendar rules use UTC calendar days of the bar times.
 */
export type ScheduleRule =
  | ((time: EpochMs) => boolean)
  | {
      /** Every `every` bars. */
      readonly kind: 'bars';
      /** Number of bars between due bars, a positive integer (1 = every bar). */
      readonly every: number;
    }
  | {
      /** Once a week. */
      readonly kind: 'weekly';
      /** UTC weekday the week starts on: 0 = Sunday … 6 = Saturday (default 1, Monday). */
      readonly weekday?: number;
    }
  | {
      /** Once a month. */
      readonly kind: 'monthly';
      /** UTC day of the month the month's period starts on, 1–28 (default 1). */
      readonly day?: number;
    };

/** The rule forms that can be written in a spec: every {@link ScheduleRule} but the predicate. */
export type CalendarScheduleRule = Exclude<ScheduleRule, (time: EpochMs) => boolean>;

/**
 * A stateful evaluator of a {@link ScheduleRule}. Call {@link Schedule.tick} exactly
 * once per bar, with non-decreasing times; it allocates nothing.
 */
export class Schedule {
  /** The rule evaluated. */
  readonly rule: ScheduleRule;
  private calls = 0;
  private lastAnchor = Number.NaN;

  /**
   * @param rule - the rule
   * @throws {@link @alphaswarm/core!InvalidArgumentError} naming the field when the rule is malformed
   */
  constructor(rule: ScheduleRule) {
    this.rule = validateScheduleRule(rule);
  }

  /** Advances the schedule to the bar at `time` (epoch ms) and returns whether it is due there. */
  tick(time: EpochMs): boolean {
    const rule = this.rule;
    if (typeof rule === 'function') return rule(time) === true;
    const call = this.calls;
    this.calls = call + 1;
    if (rule.kind === 'bars') return call % rule.every === 0;
    const anchor = rule.kind === 'weekly' ? weekAnchor(time, rule.weekday ?? 1) : monthAnchor(time, rule.day ?? 1);
    if (anchor === this.lastAnchor) return false;
    this.lastAnchor = anchor;
    return true;
  }

  /** Forgets the bars seen: the next call is a first call again. */
  reset(): void {
    this.calls = 0;
    this.lastAnchor = Number.NaN;
  }
}

/**
 * Checks a {@link ScheduleRule} and returns it.
 *
 * @throws {@link @alphaswarm/core!InvalidArgumentError} with path `schedule.every`, `schedule.weekday`,
 * `schedule.day` or `schedule.kind` for a malformed rule.
 */
export function validateScheduleRule(rule: ScheduleRule, path = 'schedule'): ScheduleRule {
  if (typeof rule === 'function') return rule;
  if (rule === null || typeof rule !== 'object') throw new InvalidArgumentError(path, rule, 'a predicate (time) => boolean or a {kind} rule');
  switch (rule.kind) {
    case 'bars':
      if (!Number.isSafeInteger(rule.every) || rule.every < 1) throw new InvalidArgumentError(`${path}.every`, rule.every, 'a positive integer number of bars');
      return rule;
    case 'weekly':
      if (rule.weekday !== undefined && !(Number.isInteger(rule.weekday) && rule.weekday >= 0 && rule.weekday <= 6)) {
        throw new InvalidArgumentError(`${path}.weekday`, rule.weekday, 'an integer weekday 0 (Sunday) … 6 (Saturday)');
      }
      return rule;
    case 'monthly':
      if (rule.day !== undefined && !(Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= 28)) {
        throw new InvalidArgumentError(`${path}.day`, rule.day, 'an integer day of the month 1 … 28');
      }
      return rule;
    default:
      throw new InvalidArgumentError(`${path}.kind`, (rule as { kind?: unknown }).kind, "'bars', 'weekly' or 'monthly'");
  }
}

/** UTC day number of the latest `weekday` 00:00 at or before `time`. 1970-01-01 was a Thursday (4). */
function weekAnchor(time: EpochMs, weekday: number): number {
  const day = Math.floor(time / MS_PER_DAY);
  const dow = (((day + 4) % 7) + 7) % 7;
  return day - ((dow - weekday + 7) % 7);
}

/** Month index (year × 12 + month − 1) of the period starting on day `day` that contains `time`. */
function monthAnchor(time: EpochMs, day: number): number {
  // Civil date from the UTC day number (H. Hinnant's days-to-civil algorithm).
  const z = Math.floor(time / MS_PER_DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const index = year * 12 + (month - 1);
  return dayOfMonth >= day ? index : index - 1;
}
