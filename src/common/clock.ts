import { Injectable } from '@nestjs/common';

/** Where time comes from: injected so tests can move it (SLA sweeps, deadlines, on-time checks). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
