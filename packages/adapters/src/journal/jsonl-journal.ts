import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, toIso } from '@alphaswarm/core';
import type { JournalEntry, JournalSink } from '@alphaswarm/core';

/** Options of a {@link JsonlJournal}. */
export interface JsonlJournalOptions {
  /** Folder of the files (created when missing). */
  readonly dir: string;
  /** Base name of the files: `<name>.jsonl`, rotated to `<name>.1.jsonl` … ; default `journal`. Letters, digits, `.`, `_`, `-`. */
  readonly name?: string;
  /** Size in bytes at which the current file is rotated (a line is never split; one longer line gets a file of its own); default 10 MiB. */
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one; older ones are deleted. Default 5; 0 keeps only the current file. */
  readonly maxFiles?: number;
}

/** One line of the file: the journal entry plus its time in ISO-8601 for people reading the file. */
export interface JsonlJournalLine extends JournalEntry {
  /** `time` as ISO-8601 UTC. */
  readonly iso: string;
}

const NAME = /^[A-Za-z0-9._-]{1,200}$/;

/**
 * A journal sink that appends one JSON object per line (JSON Lines) to
 * `<dir>/<name>.jsonl`, with size-based rotation and retention: before a line would
 * take the file past `maxBytes`, the file becomes `<name>.1.jsonl`, the previous
 * `<name>.1.jsonl` becomes `<name>.2.jsonl`, and so on; files beyond `maxFiles` are
 * deleted. Writes are queued, so lines keep the order of `append` calls.
 * {@link JsonlJournal.read} returns the retained lines, oldest first.
 */
export class JsonlJournal implements JournalSink {
  /** Folder of the files. */
  readonly dir: string;
  /** Base name of the files. */
  readonly name: string;
  /** Rotation size in bytes. */
  readonly maxBytes: number;
  /** Rotated files kept. */
  readonly maxFiles: number;
  private size: number | undefined;
  private queue: Promise<void> = Promise.resolve();

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} on a bad name, size or retention count */
  constructor(options: JsonlJournalOptions) {
    this.dir = options.dir;
    this.name = options.name ?? 'journal';
    if (!NAME.test(this.name)) throw new InvalidArgumentError('name', this.name, 'a file name of letters, digits, ".", "_" and "-"');
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    if (!(Number.isInteger(this.maxBytes) && this.maxBytes > 0)) throw new InvalidArgumentError('maxBytes', options.maxBytes, 'a positive integer number of bytes');
    this.maxFiles = options.maxFiles ?? 5;
    if (!(Number.isInteger(this.maxFiles) && this.maxFiles >= 0)) throw new InvalidArgumentError('maxFiles', options.maxFiles, 'an integer ≥ 0');
  }

  /** Path of the current file. */
  get path(): string {
    return join(this.dir, `${this.name}.jsonl`);
  }

  /** Path of rotated file `index` (1 = the most recent). */
  rotatedPath(index: number): string {
    return join(this.dir, `${this.name}.${index}.jsonl`);
  }

  /** Appends one entry as a line (after the writes already queued). */
  append(entry: JournalEntry): Promise<void> {
    const line: JsonlJournalLine = { sessionId: entry.sessionId, seq: entry.seq, time: entry.time, iso: toIso(entry.time), kind: entry.kind, payload: entry.payload };
    const text = `${JSON.stringify(line)}\n`;
    const run = this.queue.then(() => this.write(text));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for the queued writes. */
  async close(): Promise<void> {
    await this.queue;
  }

  /** The lines of the retained files, oldest first. */
  async read(): Promise<JsonlJournalLine[]> {
    await this.queue;
    const out: JsonlJournalLine[] = [];
    for (let i = this.maxFiles; i >= 0; i -= 1) {
      const text = await readIfExists(i === 0 ? this.path : this.rotatedPath(i));
      if (text === undefined) continue;
      for (const line of text.split('\n')) if (line !== '') out.push(JSON.parse(line) as JsonlJournalLine);
    }
    return out;
  }

  private async write(text: string): Promise<void> {
    if (this.size === undefined) {
      await mkdir(this.dir, { recursive: true });
      this.size = await sizeOf(this.path);
    }
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.maxBytes) await this.rotate();
    await appendFile(this.path, text);
    this.size += bytes;
  }

  private async rotate(): Promise<void> {
    if (this.maxFiles === 0) await rm(this.path, { force: true });
    else {
      await rm(this.rotatedPath(this.maxFiles), { force: true });
      for (let i = this.maxFiles - 1; i >= 1; i -= 1) if (await exists(this.rotatedPath(i))) await rename(this.rotatedPath(i), this.rotatedPath(i + 1));
      await rename(this.path, this.rotatedPath(1));
    }
    this.size = 0;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
