import type { Allowance } from './allowances.ts';
import type { Config } from './config.ts';
import type { Database } from './db.ts';
import type { AnyEventDefinition, Subscriber } from './events.ts';
import type { App } from './http/server.ts';
import type { AnyJobDefinition } from './job-definition.ts';
import type { Logger } from './logging.ts';

/**
 * A module is one definition (docs/decisions/0010-module-definitions.md): its routes, the events it
 * publishes, its event subscribers, its jobs, what it contributes to other modules' extension
 * points, and its demo seed. `src/modules.ts` lists the definitions; the app, the worker, the
 * migrations, the demo and the lint loop over that one list, and nothing is wired by hand.
 */
export type ModuleContext = {
  config: Config;
  database: Database;
  logger: Logger;
  /** What every module contributes to the extension points (`defineExtensionPoint`). */
  extensions: Extensions;
  /** Limits and quotas shared by every process of the deployment (platform/allowances.ts). */
  allowance: Allowance;
};

export type DemoSeedContext = ModuleContext & {
  /** The China date the demo is seeded for (the clock's today). */
  today: string;
};

export type Stoppable = { stop(): Promise<void> };

export type ModuleDefinition = {
  /** The module's folder, PostgreSQL schema and migration owner: `cases`. */
  readonly name: string;
  /** The events this module publishes (each defined in its `events.ts`). */
  readonly events?: readonly AnyEventDefinition[];
  /** How it reacts to other modules' events, exactly once each. */
  readonly subscribers?: readonly Subscriber[];
  /** Background and scheduled jobs, run by the worker. */
  readonly jobs?: readonly AnyJobDefinition[];
  /** Implementations of other modules' extension points. */
  readonly contributions?: readonly Contribution[];
  /** Registers its HTTP routes (and any per-server resource, closed with the app). */
  routes?(app: App, ctx: ModuleContext): void | Promise<void>;
  /** Long-running work of the worker process besides jobs (started once per worker). */
  startWorker?(ctx: ModuleContext): Promise<Stoppable>;
  /** Loads its part of the demo province into an empty database, after the modules before it. */
  seedDemo?(ctx: DemoSeedContext): Promise<void>;
};

export function defineModule(def: ModuleDefinition): ModuleDefinition {
  if (!/^[a-z][a-z0-9]*$/.test(def.name))
    throw new Error(`module name "${def.name}" must be one lower-case word`);
  return def;
}

/** A contribution to an extension point; made by `point.provide(implementation)`. */
export type Contribution = { readonly point: string };

export type ExtensionPoint<T> = {
  readonly name: string;
  /** A contribution for a module definition's `contributions`. */
  provide(implementation: T): Contribution;
  /** The implementations among `contributions` that belong to this point, in list order. */
  collect(contributions: readonly Contribution[]): T[];
};

/**
 * A typed place where a lower module lets higher ones add behaviour without importing them — the
 * cases module's 终本 checklist reads facts that the inquiry and credit modules provide, inside
 * the closing transaction. The implementations come from the definitions list, not from a
 * process-global registry.
 */
export function defineExtensionPoint<T>(name: string): ExtensionPoint<T> {
  const implementations = new WeakMap<Contribution, T>();
  return {
    name,
    provide(implementation) {
      const contribution: Contribution = { point: name };
      implementations.set(contribution, implementation);
      return contribution;
    },
    collect(contributions) {
      return contributions.flatMap((c) => {
        const implementation = implementations.get(c);
        return implementation === undefined ? [] : [implementation];
      });
    },
  };
}

export type Extensions = {
  all<T>(point: ExtensionPoint<T>): T[];
};

export function extensionsOf(modules: readonly ModuleDefinition[]): Extensions {
  const contributions = modules.flatMap((m) => m.contributions ?? []);
  return { all: (point) => point.collect(contributions) };
}
