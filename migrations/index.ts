import { CreateSchema1795426793848 } from './1795426793848-CreateSchema.js';
import { AddResolutionWorkflow1795429116725 } from './1795429116725-AddResolutionWorkflow.js';

/** Every migration, oldest first; listed by hand because ES modules cannot be globbed at run time. */
export const MIGRATIONS = [CreateSchema1795426793848, AddResolutionWorkflow1795429116725];
