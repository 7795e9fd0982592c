import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { modules } from '../src/modules.ts';

/**
 * Lint rule (part of `npm run lint`) on the typed events of the module definitions:
 *
 * - every event is declared by exactly one module (the producer owns its schema);
 * - every declared event is really published: its module's code passes it to `publishEvent` (or `publishEvents`);
 * - every subscriber handles only events that some module declares and publishes — a subscriber
 *   to an event nobody publishes would wait forever.
 */
const root = path.resolve(import.meta.dirname, '..');
const problems: string[] = [];

function sourcesOf(dir: string, out: string[] = []): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) sourcesOf(p, out);
    else if (e.endsWith('.ts') && !e.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// The names under which each module's events.ts defines each event type.
const definitionPattern = /export const (\w+) = defineEvent\(\s*'([^']+)'/g;
const publishPattern = /publishEvents?\(\s*[\w.]+,\s*(\w+)\s*,/g;

const declaredBy = new Map<string, string>();
for (const m of modules) {
  const files = sourcesOf(path.join(root, 'src', 'modules', m.name));
  const nameOfType = new Map<string, string>();
  const published = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(definitionPattern)) {
      if (match[1] && match[2]) nameOfType.set(match[2], match[1]);
    }
    for (const match of source.matchAll(publishPattern)) if (match[1]) published.add(match[1]);
  }
  for (const event of m.events ?? []) {
    const owner = declaredBy.get(event.type);
    if (owner) problems.push(`event ${event.type} is declared by both ${owner} and ${m.name}`);
    declaredBy.set(event.type, m.name);
    const name = nameOfType.get(event.type);
    if (!name) problems.push(`${m.name} declares ${event.type} but does not define it in its own code`);
    else if (!published.has(name))
      problems.push(`${m.name} declares ${event.type} (${name}) but never publishes it`);
  }
}

for (const m of modules) {
  for (const subscriber of m.subscribers ?? []) {
    for (const handler of subscriber.handlers) {
      if (!declaredBy.has(handler.event.type)) {
        problems.push(
          `${m.name}: subscriber ${subscriber.name} handles ${handler.event.type}, which no module publishes`,
        );
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Event violations (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`events: ok (${declaredBy.size} events, every one published, every subscription answered)`);
