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
  /** 'cli': a command run on the server by an OS user; it has no account (userId 0, audited as cli:<user>). */
  via: 'session' | 'token' | 'cli';
  sessionId?: string;
  tokenId?: number;
}
