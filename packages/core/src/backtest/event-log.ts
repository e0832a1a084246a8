import { createHash } from 'node:crypto';
import { tableFromArrays, type Table } from 'apache-arrow';
import { AlphaSwarmError, InvalidArgumentError } from '../errors.js';
import type { EpochMs } from '../time.js';
import type { BacktestEvent, BarRecord, EventKind, UnsequencedEvent } from './events.js';

/** Supplies the bars of a market event that the log stores by reference. */
export interface MarketSource {
  /** The time of each slice, epoch ms. */
  readonly times: Float64Array;
  /** The bars of slice `index` (one per symbol that has a bar then). */
  barsAt(index: number): readonly BarRecord[];
}

const KINDS: readonly EventKind[] = ['start', 'market', 'signal', 'order', 'order_update', 'fill', 'risk', 'end'];
const KIND_CODE = new Map<EventKind, number>(KINDS.map((kind, code) => [kind, code]));
const MARKET = 1;

/**
 * The append-only log of a run: every event with its sequence number. The log is the
 * truth: `replay` rebuilds a run's account and statistics from it alone.
 *
 * Storage is columnar: kind, time and a reference per event in typed arrays. Market
 * events, one per timestamp, refer to the run's data instead of copying bars, so
 * recording costs no allocation per bar; they are materialised when read or
 * serialised. Serialised forms: JSON Lines (one event per line, keys in a fixed
 * order per kind) and Arrow (columns `seq`, `time`, `kind`, `payload` as JSON).
 * {@link EventLog.hash} is the SHA-256 of the JSON Lines bytes.
 */
export class EventLog implements Iterable<BacktestEvent> {
  private kinds: Uint8Array;
  private times: Float64Array;
  private refs: Int32Array;
  private readonly payloads: UnsequencedEvent[] = [];
  private count = 0;
  private cachedHash: string | undefined;

  /**
   * @param market - resolves market events stored by reference
   * @param capacity - events to make room for up front (it grows beyond as needed)
   */
  constructor(
    private readonly market?: MarketSource,
    capacity = 1024,
  ) {
    const size = Math.max(16, capacity);
    this.kinds = new Uint8Array(size);
    this.times = new Float64Array(size);
    this.refs = new Int32Array(size);
  }

  /** Number of events. */
  get length(): number {
    return this.count;
  }

  /**
   * Appends the market event of slice `index` of the market source (time and bars by
   * reference). Returns its seq.
   */
  appendMarket(index: number): number {
    const market = this.market;
    if (market === undefined) throw new AlphaSwarmError('EVENT_LOG', 'this log has no market source; append market events with append()');
    const time = market.times[index];
    if (time === undefined) throw new InvalidArgumentError('index', index, `a slice index in [0, ${market.times.length})`);
    return this.put(MARKET, time, index);
  }

  /** Appends any event; the log assigns its sequence number, which it returns. */
  append(event: UnsequencedEvent): number {
    const code = KIND_CODE.get(event.kind);
    if (code === undefined) throw new InvalidArgumentError('event.kind', event.kind, `one of ${KINDS.join(', ')}`);
    this.payloads.push(event);
    const index = this.payloads.length - 1;
    // A market event given by value is told apart from one by reference by a negative ref.
    return this.put(code, event.time, code === MARKET ? -(index + 1) : index);
  }

  /** The event at `seq`. Market events held by reference are materialised (a new object each call). */
  get(seq: number): BacktestEvent {
    if (!(Number.isInteger(seq) && seq >= 0 && seq < this.count)) throw new InvalidArgumentError('seq', seq, `an integer in [0, ${this.count})`);
    const kind = this.kinds[seq] ?? 0;
    const ref = this.refs[seq] ?? 0;
    const time = this.times[seq] ?? 0;
    if (kind === MARKET && ref >= 0) {
      if (this.market === undefined) throw new AlphaSwarmError('EVENT_LOG', `event ${seq} refers to market data the log does not have`);
      return { seq, time, kind: 'market', bars: this.market.barsAt(ref) };
    }
    const payload = this.payloads[ref < 0 ? -ref - 1 : ref];
    if (payload === undefined) throw new AlphaSwarmError('EVENT_LOG', `event ${seq} has no payload`);
    return { seq, ...payload } as BacktestEvent;
  }

  /** Iterates the events in order. */
  *[globalThis.Symbol.iterator](): Iterator<BacktestEvent> {
    for (let seq = 0; seq < this.count; seq += 1) yield this.get(seq);
  }

  /** Kind of the event at `seq`, without materialising it. */
  kindAt(seq: number): EventKind {
    return KINDS[this.kinds[seq] ?? 0] ?? 'start';
  }

  /** Events of the given kinds, in order. */
  filter<K extends EventKind>(...kinds: K[]): Extract<BacktestEvent, { kind: K }>[] {
    const wanted = kindMask(kinds);
    const out: Extract<BacktestEvent, { kind: K }>[] = [];
    for (let seq = 0; seq < this.count; seq += 1) {
      if ((wanted & (1 << (this.kinds[seq] as number))) !== 0) out.push(this.get(seq) as Extract<BacktestEvent, { kind: K }>);
    }
    return out;
  }

  /**
   * The events of the given kinds other than `market`, in order, without their sequence
   * numbers: the stored objects themselves, not copies (so, unlike
   * {@link EventLog.filter}, reading them costs no allocation per event).
   */
  records<K extends Exclude<EventKind, 'market'>>(...kinds: K[]): Extract<UnsequencedEvent, { kind: K }>[] {
    const wanted = kindMask(kinds);
    const out: Extract<UnsequencedEvent, { kind: K }>[] = [];
    const payloads = this.payloads;
    for (let i = 0; i < payloads.length; i += 1) {
      const payload = payloads[i] as UnsequencedEvent;
      if ((wanted & (1 << (KIND_CODE.get(payload.kind) as number))) !== 0) out.push(payload as Extract<UnsequencedEvent, { kind: K }>);
    }
    return out;
  }

  /** One event as a JSON line (no newline). Keys follow a fixed order per kind. */
  static serialize(event: BacktestEvent): string {
    return JSON.stringify(canonicalEvent(event));
  }

  /** The whole log as JSON Lines: one event per line, each line ending in `\n`. */
  toJsonl(): string {
    const lines: string[] = [];
    for (const event of this) lines.push(EventLog.serialize(event));
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }

  /**
   * SHA-256 (hex) of the JSON Lines bytes. Computed on first call by streaming the
   * events through the hash (the JSONL string is never built whole) and cached.
   */
  hash(): string {
    if (this.cachedHash !== undefined) return this.cachedHash;
    const hasher = createHash('sha256');
    for (const event of this) hasher.update(`${EventLog.serialize(event)}\n`);
    this.cachedHash = hasher.digest('hex');
    return this.cachedHash;
  }

  /** The log as an Arrow table with columns `seq` (Int32), `time` (Float64), `kind` (Utf8), `payload` (JSON text). */
  toArrow(): Table {
    const seq = new Int32Array(this.count);
    const time = new Float64Array(this.count);
    const kind: string[] = new Array<string>(this.count);
    const payload: string[] = new Array<string>(this.count);
    let i = 0;
    for (const event of this) {
      const { seq: s, time: t, kind: k, ...rest } = canonicalEvent(event);
      seq[i] = s;
      time[i] = t;
      kind[i] = k;
      payload[i] = JSON.stringify(rest);
      i += 1;
    }
    return tableFromArrays({ seq, time, kind, payload });
  }

  /** Rebuilds a log from events (as parsed from JSONL or read from Arrow). Sequence numbers must run 0, 1, 2, … */
  static fromEvents(events: Iterable<BacktestEvent>): EventLog {
    const log = new EventLog();
    let expected = 0;
    for (const event of events) {
      if (event.seq !== expected) throw new InvalidArgumentError(`events[${expected}].seq`, event.seq, `sequence number ${expected}`);
      const { seq: _seq, ...rest } = event;
      log.append(rest as UnsequencedEvent);
      expected += 1;
    }
    return log;
  }

  /** Parses JSON Lines written by {@link EventLog.toJsonl}. */
  static fromJsonl(text: string): EventLog {
    const events: BacktestEvent[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      const line = lines[i] ?? '';
      if (line.trim() === '') continue;
      try {
        events.push(JSON.parse(line) as BacktestEvent);
      } catch (cause) {
        throw new AlphaSwarmError('EVENT_LOG', `line ${i + 1}: not valid JSON`, { path: `line ${i + 1}`, value: line.slice(0, 80), cause });
      }
    }
    return EventLog.fromEvents(events);
  }

  /** Reads a table written by {@link EventLog.toArrow}. */
  static fromArrow(table: Table): EventLog {
    const events: BacktestEvent[] = [];
    for (let i = 0; i < table.numRows; i += 1) {
      const row = table.get(i);
      if (row === null) continue;
      const payload = JSON.parse(String(row['payload'])) as Record<string, unknown>;
      events.push({ seq: Number(row['seq']), time: Number(row['time']), kind: String(row['kind']), ...payload } as BacktestEvent);
    }
    return EventLog.fromEvents(events);
  }

  private put(code: number, time: EpochMs, ref: number): number {
    if (this.count === this.kinds.length) this.grow();
    this.kinds[this.count] = code;
    this.times[this.count] = time;
    this.refs[this.count] = ref;
    this.cachedHash = undefined;
    this.count += 1;
    return this.count - 1;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const times = new Float64Array(size);
    times.set(this.times);
    const refs = new Int32Array(size);
    refs.set(this.refs);
    this.kinds = kinds;
    this.times = times;
    this.refs = refs;
  }
}

/** A bit per wanted kind code. */
function kindMask(kinds: readonly EventKind[]): number {
  let mask = 0;
  for (const kind of kinds) mask |= 1 << (KIND_CODE.get(kind) ?? 31);
  return mask;
}

/** Rebuilds an event with its keys in the fixed order of its kind. */
function canonicalEvent(event: BacktestEvent): BacktestEvent {
  const { seq, time } = event;
  switch (event.kind) {
    case 'start':
      return { seq, time, kind: 'start', algorithm: event.algorithm, initialCash: event.initialCash, symbols: [...event.symbols], periodsPerYear: event.periodsPerYear };
    case 'market':
      return {
        seq,
        time,
        kind: 'market',
        bars: event.bars.map((b) => ({ symbol: b.symbol, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume })),
      };
    case 'signal':
      return {
        seq,
        time,
        kind: 'signal',
        insights: event.insights.map((i) => ({
          id: i.id,
          symbol: i.symbol,
          direction: i.direction,
          period: i.period,
          magnitude: i.magnitude,
          confidence: i.confidence,
          weight: i.weight,
          sourceModel: i.sourceModel,
          generatedTime: i.generatedTime,
          closeTime: i.closeTime,
          tag: i.tag,
          cancelled: i.cancelled,
        })),
      };
    case 'order': {
      const o = event.order;
      return {
        seq,
        time,
        kind: 'order',
        order: { id: o.id, symbol: o.symbol, quantity: o.quantity, type: o.type, limitPrice: o.limitPrice, stopPrice: o.stopPrice, timeInForce: o.timeInForce, tag: o.tag },
      };
    }
    case 'order_update':
      return { seq, time, kind: 'order_update', orderId: event.orderId, status: event.status, reason: event.reason };
    case 'fill': {
      const f = event.fill;
      return { seq, time, kind: 'fill', fill: { orderId: f.orderId, symbol: f.symbol, quantity: f.quantity, price: f.price, fee: f.fee, slippage: f.slippage } };
    }
    case 'risk':
      return { seq, time, kind: 'risk', model: event.model, symbol: event.symbol, action: event.action, reason: event.reason, details: sortedDetails(event.details) };
    case 'end':
      return { seq, time, kind: 'end', halted: event.halted, reason: event.reason };
  }
}

function sortedDetails(details: Readonly<Record<string, number | string | boolean | null>>): Record<string, number | string | boolean | null> {
  const out: Record<string, number | string | boolean | null> = {};
  for (const key of Object.keys(details).sort()) out[key] = details[key] ?? null;
  return out;
}
