// A tiny typed event store with subscriptions.
export type Listener<T> = (value: T, previous: T) => void;

export interface StoreOptions<T> {
  initial: T;
  equals?: (a: T, b: T) => boolean;
  name?: string;
}

export class Store<T> {
  private value: T;
  private readonly listeners = new Set<Listener<T>>();
  private readonly equals: (a: T, b: T) => boolean;

  constructor(options: StoreOptions<T>) {
    this.value = options.initial;
    this.equals = options.equals ?? Object.is;
  }

  get(): T {
    return this.value;
  }

  set(next: T): void {
    const previous = this.value;
    if (this.equals(previous, next)) return;
    this.value = next;
    for (const listener of this.listeners) {
      listener(next, previous);
    }
  }

  update(fn: (value: T) => T): void {
    this.set(fn(this.value));
  }

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function derived<A, B>(source: Store<A>, map: (a: A) => B): Store<B> {
  const out = new Store<B>({ initial: map(source.get()) });
  source.subscribe((value) => out.set(map(value)));
  return out;
}

enum Theme {
  Light = "light",
  Dark = "dark",
}

const theme = new Store<Theme>({ initial: Theme.Light, name: "theme" });
const isDark = derived(theme, (t) => t === Theme.Dark);
isDark.subscribe((dark) => console.log(`dark mode: ${dark ? "on" : "off"}`));
