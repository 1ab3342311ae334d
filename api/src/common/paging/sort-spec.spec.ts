import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';

import { IsSortSpec, parseSortSpec, toMongoSort } from './sort-spec';

class Query {
  @IsOptional()
  @IsSortSpec(['name', 'state'])
  sort?: string;
}

const errorsOf = (sort: string) => validateSync(plainToInstance(Query, { sort }));

describe('sort specs', () => {
  it('parses keys with directions', () => {
    expect(parseSortSpec('name,-state')).toEqual([
      { field: 'name', direction: 1 },
      { field: 'state', direction: -1 },
    ]);
    expect(parseSortSpec(undefined)).toEqual([]);
  });

  it('accepts only whitelisted fields', () => {
    expect(errorsOf('name,-state')).toHaveLength(0);
    expect(errorsOf('passwordHash')).toHaveLength(1);
    expect(errorsOf('-name,$where')).toHaveLength(1);
    expect(errorsOf('')).toHaveLength(1);
  });

  it('maps to document fields, drops repeats and ends with _id for stable pages', () => {
    expect(toMongoSort(parseSortSpec('-id,name,name'), { id: '_id', name: 'name' }, [])).toEqual({
      _id: -1,
      name: 1,
    });
    expect(toMongoSort([], { t: 'alarmRaisedTime' }, [{ field: 't', direction: -1 }])).toEqual({
      alarmRaisedTime: -1,
      _id: 1,
    });
  });
});
