import { faultRequestSchema, fieldIssues } from './fault-request.schema';

const issues = (body: unknown) => {
  const r = faultRequestSchema.safeParse(body);
  return r.success ? [] : fieldIssues(r.error);
};

describe('fault requests', () => {
  it('accept every kind with its target', () => {
    for (const body of [
      { kind: 'link-down', linkId: 'L1' },
      { kind: 'element-up', elementId: 'e' },
      { kind: 'interface-down', elementId: 'e', ifIndex: 3 },
      { kind: 'errors', linkId: 'L1' },
      { kind: 'congestion', elementId: 'e', ifIndex: 1 },
    ]) {
      expect(issues(body)).toEqual([]);
    }
  });

  it('name the field that is wrong', () => {
    expect(issues({ kind: 'link-down' }).map((i) => i.field)).toEqual(['linkId']);
    expect(
      issues({ kind: 'interface-down', elementId: 'e', ifIndex: '3' }).map((i) => i.field),
    ).toEqual(['ifIndex']);
    expect(issues({ kind: 'errors', elementId: 'e' }).map((i) => i.field)).toEqual(['ifIndex']);
    expect(issues({ kind: 'errors' }).map((i) => i.field)).toEqual(['linkId']);
    expect(issues({ kind: 'melt-down' }).map((i) => i.field)).toEqual(['kind']);
    expect(issues({ kind: 'link-down', linkId: 'L1', extra: 1 })).toHaveLength(1);
    expect(issues(42).map((i) => i.field)).toEqual(['body']);
  });
});
