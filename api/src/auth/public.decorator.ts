import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'circuitcare:isPublic';

/** Opts a route out of the global bearer-token guard (health, login). Everything else is protected by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
