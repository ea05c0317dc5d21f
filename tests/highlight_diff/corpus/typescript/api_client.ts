import type { Page, SearchResult } from "./types";

declare const BASE_URL: string;

export interface RequestOptions {
  timeoutMs?: number;
  retries?: number;
  signal?: AbortSignal;
}

export class HttpError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
    this.name = "HttpError";
  }
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { timeoutMs = 5000, retries = 2 } = options;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(`${BASE_URL}${path}`, { signal: options.signal ?? controller.signal });
      if (!res.ok) {
        throw new HttpError(res.status, `GET ${path} failed with ${res.status}`);
      }
      return (await res.json()) as T;
    } catch (err) {
      lastError = err;
      if (err instanceof HttpError && err.status < 500) break;
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
    } finally {
      clearTimeout(timer);
    }
  }
  throw lastError;
}

export const api = {
  page(path: string): Promise<Page> {
    return request<Page>(`/api/pages/${encodeURIComponent(path)}`);
  },
  search(query: string, limit = 10): Promise<SearchResult[]> {
    const params = new URLSearchParams({ q: query, limit: String(limit) });
    return request<SearchResult[]>(`/api/search?${params}`);
  },
};

export function isPage(value: unknown): value is Page {
  return typeof value === "object" && value !== null && "path" in value && "title" in value;
}
