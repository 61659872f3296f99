/**
 * zod 4 compiles object parsers with `new Function` unless told not to; under our strict CSP
 * (no 'unsafe-eval') its probe is refused and reported as a violation. The renderer parses
 * with the interpreter instead. Imported first by main.tsx, before any schema is used.
 */
import { z } from 'zod';

z.config({ jitless: true });
