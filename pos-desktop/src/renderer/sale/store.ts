/**
 * The sale's state container: the reducer behind `getState` / `dispatch` / `subscribe`, which the
 * workflow uses directly and React reads through `useSyncExternalStore`.
 */
import type { SaleState } from './model';
import { saleReducer, type SaleAction } from './reducer';

export interface SaleStore {
  getState(): SaleState;
  dispatch(action: SaleAction): void;
  subscribe(listener: () => void): () => void;
}

export function createSaleStore(initial: SaleState): SaleStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = saleReducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
