/**
 * One step of the live case feed (GET /api/cases/feed, server-sent event `case`): the server writes it, the
 * console reads it. The feed is outside the OpenAPI document (an event stream), so the shape lives here.
 * Nothing personal: the category, the place's address and the step.
 */
export interface FeedItem {
  id: number;
  caseId: number;
  code: string;
  action: string;
  status: string;
  category: string;
  address: string;
  at: string;
}
