export { JsonlJournal } from './jsonl-journal.js';
export type { JsonlJournalLine, JsonlJournalOptions } from './jsonl-journal.js';
