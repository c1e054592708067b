// Ids, pages and the API result and error shapes every method shares.
import { z } from 'zod';

export const Id = z.number().int().positive();
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}
/** Stable error codes; messages are for people, codes are for code. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_METHOD'
  | 'NOT_FOUND'
  | 'READ_ONLY'
  | 'CONFLICT'
  | 'UNSUPPORTED_FORMAT'
  | 'PARSE_FAILED'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'FORBIDDEN'
  | 'IO'
  | 'INTERNAL';
export interface ApiError {
  code: ErrorCode;
  message: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
