import { type RefusalBody } from './refusal';

/** How long a caller should wait before sending a contended request again. */
export const CONTENTION_RETRY_AFTER_SECONDS = 1;

/**
 * The answer when other requests kept the same records busy longer than the function retries:
 * nothing was written, and the same request (same Idempotency-Key) completes when sent again.
 */
export function contentionRefusal(): RefusalBody {
  return {
    code: 'CONTENTION',
    message:
      'Hồ sơ đang được nhiều yêu cầu cập nhật cùng lúc; chưa ghi gì. Hãy gửi lại sau giây lát với cùng Idempotency-Key',
    message_en:
      'Other requests are updating the same records right now; nothing was written. Send it again shortly with the same Idempotency-Key',
    details: { retryAfterSeconds: CONTENTION_RETRY_AFTER_SECONDS },
  };
}
