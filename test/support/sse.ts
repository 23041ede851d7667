import request from 'supertest';

/**
 * A supertest parser for Server-Sent Events: the body becomes the list of event blocks that carry data, and
 * each block is handed to `onEvent` as it arrives (while the stream is still open).
 */
export function eventBlocks(onEvent: (block: string) => void = () => undefined) {
  return (res: request.Response, callback: (error: Error | null, body: string[]) => void): void => {
    const stream = res as unknown as NodeJS.ReadableStream;
    const blocks: string[] = [];
    let pending = '';
    const take = (block: string) => {
      if (!block.includes('data:')) return;
      blocks.push(block);
      onEvent(block);
    };
    stream.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n\n');
      pending = complete.pop() ?? '';
      complete.forEach(take);
    });
    stream.on('end', () => {
      take(pending);
      callback(null, blocks);
    });
  };
}

/** The JSON on an event block's `data:` line. */
export function eventData(block: string): Record<string, unknown> {
  const line = block.split('\n').find((candidate) => candidate.startsWith('data: '));
  if (!line) throw new Error(`an event without data: ${block}`);
  return JSON.parse(line.slice(6));
}
