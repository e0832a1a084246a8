import { describe, expect, it } from 'vitest';
import type { ProgressFrame } from '../src/index.js';
import { HaltedError, KillSwitch, ManualClock, ProgressEmitter } from '../src/index.js';

describe('ProgressEmitter', () => {
  it('emits frames with the fixed fields, extras, and the injected clock', () => {
    const clock = new ManualClock(1_000);
    const emitter = new ProgressEmitter(clock);
    const frames: ProgressFrame[] = [];
    emitter.on('progress', (frame) => frames.push(frame));
    emitter.report('bt-1', 'backtest.progress', '50%', { percent: 50, stage: 'spoofed' });
    clock.advance(10);
    emitter.report('bt-1', 'backtest.completed', 'done');
    expect(frames).toEqual([
      { task_id: 'bt-1', stage: 'backtest.progress', message: '50%', timestamp: 1_000, percent: 50 },
      { task_id: 'bt-1', stage: 'backtest.completed', message: 'done', timestamp: 1_010 },
    ]);
  });
});

describe('KillSwitch', () => {
  it('latches the first reason and fires once', () => {
    const kill = new KillSwitch();
    const reasons: string[] = [];
    kill.on('halted', (reason) => reasons.push(reason));
    expect(kill.isHalted).toBe(false);
    kill.throwIfHalted();
    kill.halt('operator');
    kill.halt('second');
    expect(kill.isHalted).toBe(true);
    expect(kill.reason).toBe('operator');
    expect(reasons).toEqual(['operator']);
    expect(() => kill.throwIfHalted()).toThrow(HaltedError);
    kill.reset();
    expect(kill.isHalted).toBe(false);
  });

  it('raises an error with the stable code HALTED', () => {
    const kill = new KillSwitch();
    kill.halt('limit');
    try {
      kill.throwIfHalted();
    } catch (error) {
      expect((error as HaltedError).code).toBe('HALTED');
      expect((error as HaltedError).message).toBe('halted: limit');
    }
    expect.assertions(2);
  });
});
