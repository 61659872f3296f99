// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const keygenCommand: Command = {
  name: 'keygen',
  summary: '(not built yet)',
  usage: 'downtime keygen — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime keygen is not built yet')),
};
