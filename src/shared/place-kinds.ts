/** The administrative place tree: which kind of node may sit under which. */
export const PLACE_KINDS = [
  'district',
  'street',
  'town',
  'park',
  'community',
  'village',
  'compound',
  'building',
] as const;
export type PlaceKindName = (typeof PLACE_KINDS)[number];

export const CHILD_KINDS: Record<PlaceKindName, readonly PlaceKindName[]> = {
  district: ['street', 'town', 'park'],
  street: ['community', 'village'],
  town: ['community', 'village'],
  park: ['community', 'village'],
  community: ['compound'],
  village: ['compound'],
  compound: ['building'],
  building: [],
};

/** Digits a child adds to its parent's code (GB/T 2260 district + 3 street + 3 community + 3 + 3). */
export const CODE_SEGMENT_DIGITS = 3;

export const MANAGEMENT_TYPES = ['professional', 'self_managed', 'unmanaged'] as const;
export type ManagementTypeName = (typeof MANAGEMENT_TYPES)[number];
