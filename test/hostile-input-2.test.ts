import { registerHostileInput } from './matrix/hostile-input.ts';

/** Hostile input (test/matrix/hostile-input.ts), the routes of shard 2. */
registerHostileInput(2);
