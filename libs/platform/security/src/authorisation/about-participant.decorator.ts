import { SetMetadata } from '@nestjs/common';

export const PARTICIPANT_PARAM_KEY = 'alongside:participant-param';

/**
 * Names the path parameter that holds the participant a route is about. A participant then reaches
 * only their own id, a peer mentor only their caseload (404 otherwise). @PersonLevelRead sets it.
 */
export const AboutParticipant = (param = 'id') => SetMetadata(PARTICIPANT_PARAM_KEY, param);
