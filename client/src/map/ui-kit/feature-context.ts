/**
 * A Solid context for one feature's state: the map page provides each feature's state
 * (created by that feature's `createXxxState()`), and the feature's components read it
 * with the hook, which fails loudly outside a map page.
 */
import { type Context, createContext, useContext } from 'solid-js';

export interface FeatureContext<T> {
  Provider: Context<T | undefined>['Provider'];
  use(): T;
}

export function featureContext<T>(hook: string): FeatureContext<T> {
  const context = createContext<T>();
  return {
    Provider: context.Provider,
    use() {
      const value = useContext(context);
      if (!value) throw new Error(`${hook} outside a map page`);
      return value;
    },
  };
}
