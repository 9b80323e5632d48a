import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';

export const ROLES_KEY = 'redress:roles';
export const PUBLIC_KEY = 'redress:public';

/** The roles allowed on a route; a route without @Roles or @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call: health, docs and the customer's status page. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
