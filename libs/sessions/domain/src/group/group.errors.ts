import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class GroupAlreadyExists extends Conflict {
  constructor(readonly groupId: string) {
    super('A group with this id exists already');
  }
}

export class GroupNotFound extends NotFound {
  constructor(readonly groupId: string) {
    super('No such group at this site');
  }
}

export class ClinicianFacilitatorRequired extends RuleViolated {
  constructor() {
    super('A group-therapy group must be facilitated by a clinician');
  }
}

export class PeerFacilitatorRequired extends RuleViolated {
  constructor() {
    super('A peer-support group is peer-led: its facilitator must be a certified peer');
  }
}

export class VenueDoesNotFitKind extends RuleViolated {
  constructor(kind: string) {
    super(kind === 'online' ? 'An online group needs a link, not a room' : 'This group meets in person: give its location, not a link');
  }
}

export class ScheduleInvalid extends RuleViolated {
  constructor(why: string) {
    super(`The schedule cannot be used: ${why}`);
  }
}

export class AlreadyInGroup extends Conflict {
  constructor(readonly participantId: string, where: 'members' | 'waitlist') {
    super(where === 'members' ? 'This participant is a member of the group already' : 'This participant is on the waiting list already');
  }
}

export class NotInGroup extends NotFound {
  constructor(readonly participantId: string) {
    super('This participant is neither a member of the group nor on its waiting list');
  }
}

export class WaitlistFull extends RuleViolated {
  constructor(readonly capacity: number) {
    super(`The group is full (${capacity} places) and so is its waiting list`);
  }
}

export class SiteTimeZoneUnknown extends RuleViolated {
  constructor() {
    super("This site's time zone is not known here yet (its configuration has not arrived from enrolment), so no schedule can be read");
  }
}
