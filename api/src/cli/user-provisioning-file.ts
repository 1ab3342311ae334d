import { z } from 'zod';

import type { Role } from '../database/documents';

const ROLES = [
  'customer-admin',
  'customer-engineer',
  'customer-viewer',
  'account-manager',
  'noc-operator',
  'field-engineer',
  'platform-admin',
] as const satisfies readonly Role[];

const CUSTOMER_ROLES: readonly Role[] = ['customer-admin', 'customer-engineer', 'customer-viewer'];

const entry = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lower-case letters, digits, . _ -'),
    displayName: z.string().min(1).max(100),
    role: z.enum(ROLES),
    customerId: z.string().min(1).optional(),
    orgUnitId: z.string().min(1).optional(),
    assignedCustomerIds: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((u, ctx) => {
    if (CUSTOMER_ROLES.includes(u.role) && !u.customerId) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: `required for role ${u.role}`,
      });
    }
    if (!CUSTOMER_ROLES.includes(u.role) && (u.customerId || u.orgUnitId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: `operator role ${u.role} belongs to no customer`,
      });
    }
  });

export const userProvisioningFileSchema = z.array(entry).superRefine((users, ctx) => {
  const seen = new Set<string>();
  users.forEach((u, i) => {
    if (seen.has(u.username))
      ctx.addIssue({ code: 'custom', path: [i, 'username'], message: `duplicate ${u.username}` });
    seen.add(u.username);
  });
});

export type UserProvisioningEntry = z.infer<typeof entry>;

/** Parses the file's text; the error lists every bad entry by its position and field. */
export function parseUserProvisioningFile(text: string): UserProvisioningEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  const parsed = userProvisioningFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  [${i.path.join('.')}] ${i.message}`);
    throw new Error(`invalid users file:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
