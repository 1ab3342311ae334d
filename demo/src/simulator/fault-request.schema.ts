import { z } from 'zod';

/**
 * What the control API accepts to inject or lift a fault. "-up" kinds lift every active
 * fault of the matching "-down" kind on that target (so the CLI can say `link-up L1`).
 */

const linkTarget = {
  linkId: z.string({ error: 'linkId is required (a string)' }).min(1, 'linkId must not be empty'),
};
const elementTarget = {
  elementId: z
    .string({ error: 'elementId is required (a string)' })
    .min(1, 'elementId must not be empty'),
};
const interfaceTarget = {
  ...elementTarget,
  ifIndex: z
    .number({ error: 'ifIndex is required (an integer ≥ 1)' })
    .int('ifIndex must be an integer')
    .min(1, 'ifIndex must be ≥ 1'),
};

/** A degradation targets a whole link (linkId) or one interface (elementId + ifIndex). */
function degradation<K extends 'errors' | 'congestion'>(kind: K) {
  return z
    .object({
      kind: z.literal(kind),
      linkId: linkTarget.linkId.optional(),
      elementId: elementTarget.elementId.optional(),
      ifIndex: interfaceTarget.ifIndex.optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.linkId !== undefined) {
        if (v.elementId !== undefined || v.ifIndex !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['linkId'],
            message: 'give either linkId or elementId + ifIndex, not both',
          });
        }
        return;
      }
      if (v.elementId === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['linkId'],
          message: 'linkId (or elementId + ifIndex) is required',
        });
      else if (v.ifIndex === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['ifIndex'],
          message: 'ifIndex is required with elementId',
        });
    });
}

export const faultRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link-down'), ...linkTarget }).strict(),
  z.object({ kind: z.literal('link-up'), ...linkTarget }).strict(),
  z.object({ kind: z.literal('interface-down'), ...interfaceTarget }).strict(),
  z.object({ kind: z.literal('interface-up'), ...interfaceTarget }).strict(),
  z.object({ kind: z.literal('element-down'), ...elementTarget }).strict(),
  z.object({ kind: z.literal('element-up'), ...elementTarget }).strict(),
  degradation('errors'),
  degradation('congestion'),
]);

export type FaultRequest = z.infer<typeof faultRequestSchema>;

export interface FieldIssue {
  field: string;
  message: string;
}

/** zod issues as {field, message}: the field path joined with dots ("kind" when the kind is unknown). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : 'body',
    message: issue.message,
  }));
}
