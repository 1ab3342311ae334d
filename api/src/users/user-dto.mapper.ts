import type { UserDocument } from '../database/documents';
import type { UserDto } from './dto/user.dto';

/** Field by field on purpose: a new secret field on the document never leaks by default. */
export function toUserDto(user: UserDocument): UserDto {
  return {
    id: user._id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    customerId: user.customerId,
    orgUnitId: user.orgUnitId,
    assignedCustomerIds: [...user.assignedCustomerIds],
    disabled: user.disabled,
    totpEnabled: user.totp?.confirmed === true,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt ? user.updatedAt.toISOString() : null,
  };
}
