import { registerAccessMatrix } from './matrix/access-matrix.ts';

/** The access matrix (test/matrix/access-matrix.ts), the routes of shard 1. */
registerAccessMatrix(1);
