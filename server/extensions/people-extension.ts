import type { Extension, connectedPayload } from '@hocuspocus/server';
import type { CollabContext } from '../collab-context.ts';
import type { PeopleDirectory } from '../people/people-directory.ts';

/** Remembers everyone whose connection was authenticated, for @mentions (see PeopleDirectory). */
export class PeopleExtension implements Extension {
  private readonly people: PeopleDirectory;

  constructor(people: PeopleDirectory) {
    this.people = people;
  }

  async connected({ context }: connectedPayload<CollabContext | undefined>): Promise<void> {
    if (context?.user) await this.people.note(context.user);
  }
}
