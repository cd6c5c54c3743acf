import { SetMetadata } from '@nestjs/common';
import type { Role } from '../authentication/role';

export const ROLES_KEY = 'alongside:roles';

/**
 * The roles that may call a route (on the handler, or on the controller for all its handlers).
 * A route without @Roles is closed to everyone but @Public() ones: forgetting it must not open a
 * clinical route to every signed-in person, participants included.
 */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES_KEY, roles);
