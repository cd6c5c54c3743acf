export { ParticipantScheduleController, UpcomingSessionDto } from './participant-schedule.controller';
