import { z } from 'zod/mini';
import { en } from 'zod/locales';

/*
 * Imported for its effect by every shared module that builds zod/mini schemas. zod (classic) sets
 * the English locale when it builds its first schema; zod/mini sets none, and then every issue
 * without a custom message reads just "Invalid input". Those messages reach users (the issues of a
 * 400, a failed import, the CLI), so they are set here the same way: only when no locale is set
 * yet, so an explicit `z.config(...)` elsewhere still wins.
 */
if (!z.config().localeError) z.config(en());
