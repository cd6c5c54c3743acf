import { SetMetadata } from '@nestjs/common';

export const AGGREGATED_KEY = 'alongside:aggregated';

/**
 * Marks a route that returns only aggregated, small-cell-suppressed figures. Analysts reach these
 * routes and no other, whatever @Roles says: they never see person-level data.
 */
export const Aggregated = () => SetMetadata(AGGREGATED_KEY, true);
