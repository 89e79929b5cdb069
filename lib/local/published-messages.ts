/**
 * The messages published to the local SNS endpoint: what the inbox shows. Kept in memory, and
 * appended to `<dataDir>/sns-messages.jsonl` when a data directory is given, so that inboxes
 * survive restarts as the DynamoDB data does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PublishedMessage {
  /** 1, 2, 3 … in publication order, across restarts. */
  sequence: number;
  messageId: string;
  topicArn: string;
  subject?: string;
  message: string;
  /** Message attributes by name; Binary values base64. */
  attributes: Record<string, string>;
  /** ISO timestamp. */
  publishedAt: string;
}

export interface PublishedMessageStore {
  append(message: Omit<PublishedMessage, 'sequence'>): PublishedMessage;
  /** Oldest first. */
  list(): readonly PublishedMessage[];
  /** The JSON-lines file, when persisted. */
  readonly file?: string;
}

export const PUBLISHED_MESSAGES_FILE = 'sns-messages.jsonl';

export function createPublishedMessageStore(
  options: { dataDir?: string; fileName?: string } = {},
): PublishedMessageStore {
  const file = options.dataDir
    ? path.join(path.resolve(options.dataDir), options.fileName ?? PUBLISHED_MESSAGES_FILE)
    : undefined;
  const messages: PublishedMessage[] = file ? load(file) : [];
  return {
    file,
    list: () => messages,
    append(message) {
      const stored: PublishedMessage = {
        ...message,
        sequence: (messages.at(-1)?.sequence ?? 0) + 1,
      };
      // One write per line: a crash can cut only the last line, which load() skips.
      if (file) fs.appendFileSync(file, `${JSON.stringify(stored)}\n`);
      messages.push(stored);
      return stored;
    },
  };
}

function load(file: string): PublishedMessage[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const messages: PublishedMessage[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as PublishedMessage;
      if (typeof parsed.message === 'string' && typeof parsed.sequence === 'number') {
        messages.push(parsed);
      }
    } catch {
      // A line cut short by a crash mid-write.
    }
  }
  // A torn last line without its newline would glue the next append onto it.
  if (text.length > 0 && !text.endsWith('\n')) fs.appendFileSync(file, '\n');
  return messages;
}
