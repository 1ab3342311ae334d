import type { AnyBulkWriteOperation, Collection } from 'mongodb';

import { bulkWriteTolerant, MAX_STATEMENTS_PER_COMMAND } from './idempotent-writes';

interface Doc {
  _id: string;
  x?: number;
}

/** Records the size of each write command; the commands' content is the driver's business. */
function recordingCollection(): { collection: Collection<Doc>; commands: number[] } {
  const commands: number[] = [];
  const collection = {
    bulkWrite: (ops: AnyBulkWriteOperation<Doc>[]) => {
      commands.push(ops.length);
      return Promise.resolve({});
    },
  } as unknown as Collection<Doc>;
  return { collection, commands };
}

describe('bulkWriteTolerant command sizes', () => {
  const insert = (i: number): AnyBulkWriteOperation<Doc> => ({
    insertOne: { document: { _id: `i${i}` } },
  });
  const update = (i: number): AnyBulkWriteOperation<Doc> => ({
    updateOne: { filter: { _id: `u${i}` }, update: { $set: { x: 1 } } },
  });

  it('sends runs of inserts together and updates a few at a time', async () => {
    const { collection, commands } = recordingCollection();
    const ops = [
      ...Array.from({ length: 20 }, (_, i) => insert(i)),
      ...Array.from({ length: 20 }, (_, i) => update(i)),
    ];
    const result = await bulkWriteTolerant(collection, ops);
    expect(commands).toEqual([20, MAX_STATEMENTS_PER_COMMAND, MAX_STATEMENTS_PER_COMMAND, 4]);
    expect(result).toEqual({ duplicates: 0, roundTrips: 4 });
  });

  it('never puts more than the limit of updates in one command', async () => {
    const { collection, commands } = recordingCollection();
    await bulkWriteTolerant(
      collection,
      Array.from({ length: 100 }, (_, i) => update(i)),
    );
    expect(Math.max(...commands)).toBe(MAX_STATEMENTS_PER_COMMAND);
    expect(commands.reduce((a, b) => a + b, 0)).toBe(100);
  });
});
