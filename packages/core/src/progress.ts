import { EventEmitter } from 'eventemitter3';
import type { Clock, EpochMs } from './time.js';
import { systemClock } from './time.js';

/**
 * One progress report of long work. `task_id`, `stage`, `message` and `timestamp`
 * are always present; any extra fields (percent, barsPerSec, …) ride along.
 */
export interface ProgressFrame {
  /** Identifies the task reporting (a backtest, a deployment, an agent run). */
  readonly task_id: string;
  /** Dotted stage name, e.g. `backtest.progress`, `agent.step`. */
  readonly stage: string;
  /** Human-readable one-liner. */
  readonly message: string;
  /** When the frame was made, epoch ms from the emitter's clock. */
  readonly timestamp: EpochMs;
  /** Extra fields specific to the stage. */
  readonly [extra: string]: unknown;
}

/** Events of a {@link ProgressEmitter}. */
export interface ProgressEvents {
  /** Every frame. */
  progress: (frame: ProgressFrame) => void;
}

/**
 * The one emitter through which long work reports progress (eventemitter3).
 * Listen with `on('progress', frame => …)`. Timestamps come from the injected clock.
 */
export class ProgressEmitter extends EventEmitter<ProgressEvents> {
  private readonly clock: Clock;

  /** @param clock - where frame timestamps come from (the wall clock by default) */
  constructor(clock: Clock = systemClock) {
    super();
    this.clock = clock;
  }

  /** Emits one frame. `extras` are added to it; they cannot override the four fixed fields. */
  report(taskId: string, stage: string, message: string, extras: Readonly<Record<string, unknown>> = {}): ProgressFrame {
    const frame: ProgressFrame = { ...extras, task_id: taskId, stage, message, timestamp: this.clock.now() };
    this.emit('progress', frame);
    return frame;
  }
}
