import type { Role } from '../db/types.js';

/** Who is acting: a logged-in user (by session cookie or personal API token). */
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
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: number;
}
