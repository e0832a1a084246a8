import { EventEmitter } from 'eventemitter3';
import { HaltedError } from './errors.js';

/** Events of a {@link KillSwitch}. */
export interface KillSwitchEvents {
  /** Fired once, when the switch is first halted. */
  halted: (reason: string) => void;
}

/**
 * A latch that stops work. Every runtime (backtester, paper session, agent runtime)
 * checks it before each step. Once halted it stays halted until {@link KillSwitch.reset}.
 */
export class KillSwitch extends EventEmitter<KillSwitchEvents> {
  private haltReason: string | undefined;

  /** True once {@link KillSwitch.halt} has been called (and not reset). */
  get isHalted(): boolean {
    return this.haltReason !== undefined;
  }

  /** The reason given to the first `halt`, or `undefined` while running. */
  get reason(): string | undefined {
    return this.haltReason;
  }

  /** Halts. Later calls keep the first reason. */
  halt(reason: string): void {
    if (this.haltReason !== undefined) return;
    this.haltReason = reason;
    this.emit('halted', reason);
  }

  /** Clears the halt so work may start again. */
  reset(): void {
    this.haltReason = undefined;
  }

  /** @throws {@link HaltedError} when halted. */
  throwIfHalted(): void {
    if (this.haltReason !== undefined) throw new HaltedError(this.haltReason);
  }
}
