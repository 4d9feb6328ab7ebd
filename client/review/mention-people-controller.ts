import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReviewApi } from '../api/review-api.ts';
import type { Mentionable } from './mention-query.ts';

/** Where the controller reads the document's review API and its members from, at each update. */
type PeopleSource = () => { api: ReviewApi | null; members: Record<string, unknown> };

/**
 * Everyone who may be @mentioned in the host's document, as the server lists them (members and
 * people it has seen, with pinyin initials). Fetched when the document changes and again when
 * its membership does; a failed fetch keeps the last list (members and people online still show).
 */
export class MentionPeopleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: PeopleSource;
  #api: ReviewApi | null = null;
  #membersKey = '';
  #people: readonly Mentionable[] = [];

  constructor(host: ReactiveControllerHost, source: PeopleSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  /** The server's candidates; empty until it answered. */
  get people(): readonly Mentionable[] {
    return this.#people;
  }

  hostUpdate(): void {
    const { api, members } = this.#source();
    const membersKey = Object.keys(members).sort().join('\n');
    if (api === this.#api && membersKey === this.#membersKey) return;
    if (api !== this.#api) this.#people = [];
    this.#api = api;
    this.#membersKey = membersKey;
    api?.people().then(
      (people) => {
        if (api !== this.#api) return;
        this.#people = people;
        this.#host.requestUpdate();
      },
      () => undefined,
    );
  }
}
