import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

export interface SortKey {
  field: string;
  direction: 1 | -1;
}

/** `name,-stateSince` → [{name, 1}, {stateSince, -1}]; assumes a validated spec. */
export function parseSortSpec(spec: string | undefined): SortKey[] {
  if (!spec) {
    return [];
  }
  return spec
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean)
    .map((token) =>
      token.startsWith('-')
        ? { field: token.slice(1), direction: -1 as const }
        : { field: token, direction: 1 as const },
    );
}

/**
 * Turns the public sort keys into a Mongo sort on document fields, ending with `_id`
 * so that equal keys still page in a stable order.
 */
export function toMongoSort(
  keys: readonly SortKey[],
  fieldMap: Readonly<Record<string, string>>,
  fallback: readonly SortKey[],
): Record<string, 1 | -1> {
  const sort: Record<string, 1 | -1> = {};
  for (const key of keys.length > 0 ? keys : fallback) {
    const field = fieldMap[key.field];
    if (field && !(field in sort)) {
      sort[field] = key.direction;
    }
  }
  if (!('_id' in sort)) {
    sort._id = 1;
  }
  return sort;
}

/** Validates `?sort=field,-field` against a whitelist of sortable fields. */
export function IsSortSpec(
  allowed: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isSortSpec',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be a comma-separated list of ${allowed.join(', ')}, each optionally prefixed by '-'`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || value.length > 200) {
            return false;
          }
          const keys = value.split(',').map((t) => t.trim());
          return keys.every((k) => allowed.includes(k.startsWith('-') ? k.slice(1) : k));
        },
      },
    });
  };
}
