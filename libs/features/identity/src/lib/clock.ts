import { Injectable } from '@nestjs/common';

/** The time as identity sees it (sign-in back-off); one injectable so tests can move it instead of sleeping. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
