import { AsyncLocalStorage } from "node:async_hooks";
import type { AskResult } from "../src/answer/result.js";
import type { Knowledge } from "./services.js";

/** What one turn carries from start to end, without threading it through every dialog. */
export interface TurnScope {
  /** The eTag each state item had when the turn read it: the turn's writes are compare-and-set against them. */
  readonly etags: Map<string, string>;
  /** The knowledge the turn started with: a reload in the middle of a turn does not change it halfway. */
  readonly knowledge?: Knowledge;
  /** The answer engine's verdict on the turn's question, when it was asked one. */
  asked?: AskResult["status"];
  /** Whether the turn logged a fallback (an answer customers may not see counts as one). */
  fellBack?: boolean;
}

const scopes = new AsyncLocalStorage<TurnScope>();

export function currentTurn(): TurnScope | undefined {
  return scopes.getStore();
}

export function inTurn<T>(scope: TurnScope, run: () => Promise<T>): Promise<T> {
  return scopes.run(scope, run);
}
