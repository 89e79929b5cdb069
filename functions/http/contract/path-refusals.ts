import { type PathNotFound } from './route';

/** An id of the wrong shape names no candidate: the same 404 as a candidate that does not exist. */
export const CANDIDATE_NOT_FOUND = {
  notFound: {
    code: 'CANDIDATE_NOT_FOUND',
    message: 'Không tìm thấy hồ sơ',
    message_en: 'Candidate not found',
  },
} as const satisfies { notFound: PathNotFound };

/** An approval id of the wrong shape was altered or cut: the link is not valid. */
export const APPROVAL_LINK_INVALID = {
  notFound: {
    code: 'APPROVAL_LINK_INVALID',
    message: 'Liên kết phê duyệt không hợp lệ hoặc đã bị thay đổi',
    message_en: 'The approval link is not valid or has been altered',
  },
} as const satisfies { notFound: PathNotFound };
