import { LibraryAnswerSchema, type LibraryItem } from '../../shared/library/index.ts';
import { fetchJson } from './fetch-json.ts';

/** What the library panel asks for (`GET /api/library`). */
export interface LibrarySearch {
  q: string;
  /** 二级指标 to narrow to; '' for all. */
  level2: string;
  limit: number;
}

/** The indicator library of the API on `baseUrl`, as the signed-in user may see it. */
export class LibraryApi {
  readonly #baseUrl: string;
  readonly #getToken: () => string | null;

  constructor(baseUrl: string, getToken: () => string | null) {
    this.#baseUrl = baseUrl;
    this.#getToken = getToken;
  }

  /** The entries matching `search`, best first; an ApiError when the server refuses or is unreachable. */
  async search(search: LibrarySearch, signal?: AbortSignal): Promise<LibraryItem[]> {
    const url = new URL('/api/library', this.#baseUrl);
    url.searchParams.set('q', search.q);
    url.searchParams.set('level2', search.level2);
    url.searchParams.set('limit', String(search.limit));
    return (await fetchJson(url, LibraryAnswerSchema, signal ? { signal } : {}, this.#getToken())).items;
  }
}
