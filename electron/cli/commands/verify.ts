// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const verifyCommand: Command = {
  name: 'verify',
  summary: '(not built yet)',
  usage: 'downtime verify — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime verify is not built yet')),
};
