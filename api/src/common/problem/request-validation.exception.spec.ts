import type { ValidationError } from '@nestjs/common';

import { flattenValidationErrors } from './request-validation.exception';

describe('flattenValidationErrors', () => {
  it('names each failing leaf by its dotted path', () => {
    const errors: ValidationError[] = [
      {
        property: 'pageSize',
        constraints: { max: 'pageSize must not be greater than 500' },
        children: [],
      },
      {
        property: 'aEnd',
        children: [
          {
            property: 'ifIndex',
            constraints: { isInt: 'ifIndex must be an integer number' },
            children: [],
          },
        ],
      },
      {
        property: 'items',
        children: [
          {
            property: '0',
            children: [{ property: 'name', constraints: { isString: 'bad', length: 'short' } }],
          },
        ],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { path: 'pageSize', message: 'pageSize must not be greater than 500' },
      { path: 'aEnd.ifIndex', message: 'ifIndex must be an integer number' },
      { path: 'items.0.name', message: 'bad' },
      { path: 'items.0.name', message: 'short' },
    ]);
  });
});
