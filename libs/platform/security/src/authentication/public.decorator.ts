import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'alongside:public';

/**
 * Opens a route to callers without a token. For health and metrics only: anything that touches a
 * site, a person or a configuration stays behind the JWT guard.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
