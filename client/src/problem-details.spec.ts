import { fieldErrorsOf, problemOf } from './problem-details';

describe('problemOf', () => {
  const body = {
    type: 'urn:circuitcare:problem:validation-error',
    title: 'Invalid request',
    status: 400,
    detail: 'The request has 2 invalid fields.',
    instance: '/api/v1/circuits',
    errors: [
      { path: 'pageSize', message: 'pageSize must not be greater than 500' },
      { path: 'pageSize', message: 'pageSize must be an integer number' },
      { path: 'from', message: 'from must be a date' },
      { nonsense: true },
    ],
  };

  it('reads the problem+json body of an HttpErrorResponse-like failure', () => {
    const problem = problemOf({ status: 400, error: body });
    expect(problem).toEqual({ ...body, errors: body.errors.slice(0, 3) });
  });

  it('returns null when the failure carries no problem body', () => {
    expect(problemOf(null)).toBeNull();
    expect(problemOf(new Error('offline'))).toBeNull();
    expect(problemOf({ status: 0, error: { type: 'error', loaded: 0 } })).toBeNull();
    expect(problemOf({ status: 502, error: '<html>Bad gateway</html>' })).toBeNull();
    expect(problemOf({ status: 500, error: { ...body, status: '500' } })).toBeNull();
  });

  it('groups field messages by path', () => {
    expect(fieldErrorsOf({ error: body })).toEqual(
      new Map([
        [
          'pageSize',
          ['pageSize must not be greater than 500', 'pageSize must be an integer number'],
        ],
        ['from', ['from must be a date']],
      ]),
    );
    expect(fieldErrorsOf({ error: { ...body, errors: undefined } }).size).toBe(0);
  });
});
