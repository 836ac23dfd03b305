import type { Role } from '../db/types.js';

/** Who is acting: a logged-in user (by session cookie or personal API token), or the CLI (`via: 'cli'`). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** The place-tree node the account is bound to, and its materialized path ('/1/5/'). */
  placeId: number;
  placeCode: string;
  placeName: string;
  placePath: string;
  /** A department account's unit (the cases dispatched to it are its scope); null for everyone else. */
  departmentId?: number | null;
  /**
   * 'cli': a command run on the server by an OS user; it has no account (userId 0, audited as cli:<user>).
   * 'public': no account either — an anonymous reporter confirmed by a one-time code, or an Open311 client by
   * its API key (userId 0, audited as public:<masked phone> or open311:<client>).
   */
  via: 'session' | 'token' | 'cli' | 'public';
  sessionId?: string;
  tokenId?: number;
}
