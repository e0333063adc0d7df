/**
 * The mini program runtime forbids `new Function`, which zod's fast path would probe for: parse without it.
 * Both bundle entries import this module first, so it lands in the chunk they share and runs before any schema
 * parses, whichever package loads first (a staff page opened from a link loads no citizen page). The one
 * statement in shared/ that runs on load; the rest of shared/ stays free of side effects.
 */
import { config } from 'zod';

config({ jitless: true });
