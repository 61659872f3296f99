// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const installCommand: Command = {
  name: 'install',
  summary: '(not built yet)',
  usage: 'downtime install — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime install is not built yet')),
};
