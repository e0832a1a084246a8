/** Every status a deployment or an agent run can have: `running` until finished once. */
export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'halted'] as const;

/** The status of a deployment or an agent run. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The terminal statuses: once reached, a deployment or agent run never changes again. */
export const FINISHED_RUN_STATUSES = ['succeeded', 'failed', 'halted'] as const;

/** A terminal {@link RunStatus}: `succeeded`, `failed` (an error) or `halted` (the kill switch). */
export type FinishedRunStatus = (typeof FINISHED_RUN_STATUSES)[number];
