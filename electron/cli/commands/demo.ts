// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: '(not built yet)',
  usage: 'downtime demo — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime demo is not built yet')),
};
