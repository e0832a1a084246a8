import { SingleBar, Presets } from 'cli-progress';
import type { ProgressEmitter, ProgressFrame } from '@alphaswarm/core';

/**
 * Shows backtest progress frames as a bar on standard error when it is a terminal,
 * and as one line per 10% otherwise. Returns a function that detaches it.
 */
export function attachProgressBar(progress: ProgressEmitter, stream: NodeJS.WriteStream = process.stderr): () => void {
  const tty = stream.isTTY === true;
  const bar = tty ? new SingleBar({ stream, format: '{bar} {percentage}% | {bars} bars | {rate} bars/s', hideCursor: true, clearOnComplete: true }, Presets.shades_classic) : undefined;
  let started = false;
  let lastDecile = -1;
  const onFrame = (frame: ProgressFrame): void => {
    if (frame.stage !== 'backtest.progress') return;
    const percent = Number(frame['percent'] ?? 0);
    const payload = { bars: Number(frame['bars'] ?? 0).toLocaleString('en-US'), rate: Math.round(Number(frame['barsPerSec'] ?? 0)).toLocaleString('en-US') };
    if (bar !== undefined) {
      if (!started) bar.start(100, 0, payload);
      started = true;
      bar.update(Math.round(percent), payload);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      stream.write(`  ${percent.toFixed(0)}% · ${payload.bars} bars · ${payload.rate} bars/s\n`);
    }
  };
  progress.on('progress', onFrame);
  return () => {
    progress.off('progress', onFrame);
    if (bar !== undefined && started) bar.stop();
  };
}
