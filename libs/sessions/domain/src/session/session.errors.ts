import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class SessionNotFound extends NotFound {
  constructor() {
    super('No such session at this site');
  }
}

export class SessionTimesInvalid extends RuleViolated {
  constructor(why: string) {
    super(`The session's times cannot be right: ${why}`);
  }
}

export class SessionWasCancelled extends RuleViolated {
  constructor() {
    super('This session was cancelled, so it cannot be held or attended');
  }
}

export class SessionAlreadyHeld extends Conflict {
  constructor() {
    super('This session has been recorded as held already');
  }
}

export class HeldSessionCannotBeCancelled extends RuleViolated {
  constructor() {
    super('This session has been held; a held session cannot be cancelled');
  }
}

export class SessionNotHeld extends RuleViolated {
  constructor() {
    super('Attendance can only be taken for a session recorded as held');
  }
}

export class AttendanceAlreadyRecorded extends Conflict {
  constructor() {
    super("This session's attendance has been taken already");
  }
}

export class ParticipantListedTwice extends RuleViolated {
  constructor(readonly participantId: string) {
    super('A participant appears twice in this attendance');
  }
}

export class NotOnRoster extends RuleViolated {
  constructor(readonly participantId: string) {
    super("A participant in this attendance is not a member of the session's group");
  }
}

export class MinutesDoNotFitStatus extends RuleViolated {
  constructor(status: string, minutes: number, sessionMinutes: number) {
    super(
      status === 'absent' || status === 'excused'
        ? `Someone ${status} attended no minutes (got ${minutes})`
        : `Someone ${status} attended between 1 and the session's ${sessionMinutes} minutes (got ${minutes})`,
    );
  }
}

export class AttendanceNotTaken extends RuleViolated {
  constructor() {
    super("This session's attendance has not been taken yet: record it before correcting it");
  }
}

export class NotInAttendance extends RuleViolated {
  constructor(readonly participantId: string) {
    super("This participant is not in this session's attendance, so there is no entry to correct");
  }
}

export class NothingToCorrect extends RuleViolated {
  constructor() {
    super('The attendance entry already says this: a correction has to change the status or the minutes');
  }
}

export class NobodyInAttendance extends RuleViolated {
  constructor() {
    super('An attendance lists everyone on the roster, present or not: it cannot be empty');
  }
}
