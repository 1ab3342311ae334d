import { MAX_COMMENTS, alreadyDone, refusal } from './alarm-operations.service';

const raised = { state: 'raised' as const, ackState: 'unacknowledged' as const };
const raisedAcked = { state: 'raised' as const, ackState: 'acknowledged' as const };
const cleared = { state: 'cleared' as const, ackState: 'unacknowledged' as const };
const closed = { state: 'cleared' as const, ackState: 'acknowledged' as const };

describe('alarm operation rules (TMF642 / X.733)', () => {
  it('acknowledges raised and cleared alarms alike', () => {
    expect(refusal('acknowledge', raised)).toBeNull();
    expect(refusal('acknowledge', cleared)).toBeNull();
    expect(alreadyDone('acknowledge', raisedAcked)).toBe(true);
    expect(alreadyDone('acknowledge', raised)).toBe(false);
  });

  it('refuses to unacknowledge a closed alarm (cleared and acknowledged)', () => {
    expect(refusal('unacknowledge', closed)).toMatch(/closed/);
    expect(refusal('unacknowledge', raisedAcked)).toBeNull();
    expect(alreadyDone('unacknowledge', cleared)).toBe(true);
  });

  it('clears idempotently', () => {
    expect(refusal('clear', closed)).toBeNull();
    expect(alreadyDone('clear', cleared)).toBe(true);
    expect(alreadyDone('clear', raised)).toBe(false);
  });

  it('takes comments until the limit', () => {
    const comment = { comment: 'x', time: new Date(), userId: 'u', systemId: 's' };
    expect(refusal('comment', { ...cleared, comments: [comment] })).toBeNull();
    const full = { ...raised, comments: Array.from({ length: MAX_COMMENTS }, () => comment) };
    expect(refusal('comment', full)).toMatch(/comments/);
    expect(alreadyDone('comment', raised)).toBe(false);
  });
});
