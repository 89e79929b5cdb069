/**
 * Every refusal code the API can answer, with its HTTP status(es) and what it means in Vietnamese
 * and English. Routes list the codes they can return (functions/http/contract/routes.ts); the
 * OpenAPI document describes each status with them. test/unit/http/error-codes.test.ts fails when
 * a `code: '…'` in functions/ is missing here, so a new refusal is documented when it is written.
 */
export interface ErrorCodeDoc {
  /** The statuses it is answered with (most codes have one). */
  statuses: readonly number[];
  vi: string;
  en: string;
}

const doc = (statuses: number | number[], vi: string, en: string): ErrorCodeDoc => ({
  statuses: typeof statuses === 'number' ? [statuses] : statuses,
  vi,
  en,
});

export const ERROR_CODES = {
  // The request itself (400, 413)
  INVALID_BODY: doc(400, 'Nội dung yêu cầu sai dạng (trường `field`)', 'The body is malformed'),
  INVALID_QUERY: doc(400, 'Tham số truy vấn sai dạng', 'A query parameter is malformed'),
  INVALID_PATH: doc(400, 'Tham số đường dẫn sai dạng', 'A path parameter is malformed'),
  INVALID_HEADER: doc(400, 'Tiêu đề yêu cầu sai dạng', 'A request header is malformed'),
  INVALID_PAYLOAD: doc(400, 'Dữ liệu của thao tác sai dạng', "The action's payload is malformed"),
  MISSING_BODY: doc(400, 'Thiếu nội dung yêu cầu', 'The request has no body'),
  INVALID_JSON: doc(400, 'Nội dung không phải JSON hợp lệ', 'The body is not valid JSON'),
  INVALID_UTF8: doc(400, 'Nội dung không phải văn bản UTF-8', 'The body is not valid UTF-8'),
  UNSUPPORTED_CONTENT_TYPE: doc(400, 'Sai kiểu nội dung', 'Unsupported content type'),
  PAYLOAD_TOO_LARGE: doc(413, 'Nội dung quá lớn (tối đa 64 KB)', 'The body is too large (64 KB)'),
  MISSING_IDEMPOTENCY_KEY: doc(400, 'Thiếu Idempotency-Key', 'The Idempotency-Key is missing'),
  INVALID_IDEMPOTENCY_KEY: doc(400, 'Idempotency-Key sai dạng', 'The Idempotency-Key is malformed'),
  IDEMPOTENCY_KEY_REUSED: doc(
    422,
    'Idempotency-Key đã dùng cho một yêu cầu khác',
    'The Idempotency-Key was used for a different request',
  ),
  REQUEST_IN_PROGRESS: doc(
    409,
    'Yêu cầu cùng Idempotency-Key đang xử lý',
    'A request with this key is in progress',
  ),
  INVALID_CURSOR: doc(400, 'Con trỏ phân trang không hợp lệ', 'Invalid pagination cursor'),
  INVALID_NATIONAL_ID: doc(400, 'Số CCCD không hợp lệ', 'Invalid citizen ID number'),
  INVALID_CSV: doc(400, 'Tệp CSV có dòng sai', 'The CSV file has invalid rows'),
  CSV_MALFORMED: doc(400, 'Tệp CSV sai cấu trúc', 'The CSV file is malformed'),
  INVALID_UNIT_IMPORT: doc(400, 'Danh sách đơn vị có dòng sai', 'The unit list has invalid rows'),
  TARGET_DUPLICATE: doc(400, 'Chỉ tiêu bị lặp', 'A target is listed twice'),
  DATE_INVALID: doc(400, 'Ngày không tồn tại', 'The date does not exist'),
  DATE_OF_BIRTH_AFTER_DATE: doc(400, 'Ngày sinh sau ngày xét', 'Date of birth after the date'),
  DATE_OF_BIRTH_IN_FUTURE: doc(400, 'Ngày sinh sau ngày hôm nay', 'Date of birth after today'),
  DATE_OF_BIRTH_IMPLAUSIBLE: doc(
    400,
    'Ngày sinh quá 120 năm trước (kiểm tra năm sinh)',
    'Date of birth more than 120 years ago (check the year)',
  ),
  DATE_IN_FUTURE: doc(
    400,
    'Ngày của việc đã diễn ra lại sau ngày hôm nay (giờ Việt Nam)',
    'The date of something that happened is after today (Vietnam time)',
  ),
  LUNAR_DATE_INVALID: doc(400, 'Ngày âm lịch không hợp lệ', 'Invalid lunar date'),
  WORKING_DAYS_COUNT_INVALID: doc(400, 'Số ngày làm việc không hợp lệ', 'Invalid working days'),
  VOTE_RECORD_INCONSISTENT: doc(
    [400, 422],
    'Biên bản biểu quyết không khớp',
    'The vote record is inconsistent',
  ),
  UNKNOWN_ACTION: doc(400, 'Không có thao tác này trong quy trình', 'No such action'),
  BULK_TOO_LARGE: doc(413, 'Quá 100 hồ sơ trong một yêu cầu', 'More than 100 candidates at once'),
  DUPLICATE_CANDIDATE: doc(400, 'Một hồ sơ xuất hiện hai lần', 'A candidate is listed twice'),

  // Who is asking (401, 403)
  UNAUTHENTICATED: doc(401, 'Cần đăng nhập (JWT của cán bộ)', "An officer's JWT is required"),
  ROLE_NOT_ALLOWED: doc(403, 'Vai trò không được làm việc này', 'The role may not do this'),
  SEPARATION_OF_DUTIES: doc(
    403,
    'Người đề nghị không được quyết định hồ sơ của mình',
    'The nominator may not decide their own nomination',
  ),

  // What is addressed (404)
  ROUTE_NOT_FOUND: doc(404, 'Không có đường dẫn này', 'No such route'),
  CANDIDATE_NOT_FOUND: doc(404, 'Không tìm thấy hồ sơ', 'Candidate not found'),
  CLASS_NOT_FOUND: doc(404, 'Không tìm thấy lớp bồi dưỡng', 'Awareness class not found'),
  UNIT_NOT_FOUND: doc([404, 400], 'Không tìm thấy đơn vị', 'Unit not found'),
  APPROVAL_LINK_INVALID: doc(404, 'Liên kết phê duyệt không hợp lệ', 'Invalid approval link'),
  APPROVAL_LINK_OTHER_USER: doc(
    404,
    'Liên kết gửi cho người khác',
    'The link was sent to someone else',
  ),

  // The state moved on (409, 412)
  VERSION_CONFLICT: doc(
    [409, 412],
    'Hồ sơ đã thay đổi (phiên bản khác); hãy tải lại',
    'The resource changed (another version); reload it',
  ),
  CONCURRENT_UPDATE: doc(409, 'Có thay đổi đồng thời; hãy thử lại', 'Concurrent update; retry'),
  STEP_ALREADY_DECIDED: doc(409, 'Bước này đã được quyết định', 'This step was already decided'),
  ACTION_NOT_ALLOWED_AT_STAGE: doc(
    409,
    'Thao tác không thuộc bước hiện tại',
    'The action does not belong to the current step',
  ),
  DUPLICATE_NOMINATION: doc(409, 'Người này đã có hồ sơ đang mở', 'This person has an open file'),
  NOMINATION_REFERRED_UPWARD: doc(
    409,
    'Chưa thể giới thiệu người này tại đơn vị; báo cáo cấp ủy cấp trên',
    'Cannot be nominated at this unit for now; refer it to the upper committee',
  ),
  UNIT_EXISTS: doc(409, 'Đơn vị đã tồn tại', 'The unit exists'),
  UNIT_LATER_VERSION_EXISTS: doc(
    409,
    'Đơn vị đã có phiên bản từ ngày muộn hơn',
    'The unit has a later version',
  ),
  APPROVAL_ALREADY_DECIDED: doc(
    409,
    'Đã quyết định qua liên kết này (`details.decision`)',
    'Already decided through this link (`details.decision`)',
  ),
  APPROVAL_STEP_NOT_PENDING: doc(409, 'Bước phê duyệt không còn chờ', 'The step is not pending'),
  ALREADY_ENROLLED: doc(409, 'Đã ghi danh lớp này', 'Already enrolled in this class'),
  CLASS_RESULT_ALREADY_RECORDED: doc(
    409,
    'Kết quả lớp đã được ghi',
    'Class result already recorded',
  ),
  ALREADY_RECORDED: doc(
    409,
    'Hồ sơ đã có đúng nội dung này (trong yêu cầu hàng loạt: SKIPPED)',
    'The candidate already has exactly this recorded (in a bulk request: SKIPPED)',
  ),
  CORRECTION_NOT_APPLICABLE: doc(
    409,
    'Chỉ hủy được quyết định của người đã được kết nạp',
    'Only an admitted candidate can be revoked',
  ),
  ALREADY_REVOKED: doc(409, 'Quyết định kết nạp đã bị hủy trước đó', 'Already revoked'),

  // A rule of the procedure (422)
  CLASS_FULL: doc(422, 'Lớp đã đủ số học viên', 'The class is full'),
  NOT_ENROLLED_IN_CLASS: doc(422, 'Chưa ghi danh lớp này', 'Not enrolled in this class'),
  CANDIDATE_OUTSIDE_CLASS_AREA: doc(
    422,
    'Quần chúng ngoài phạm vi của đơn vị tổ chức lớp',
    "The candidate is outside the class organiser's area",
  ),
  APPROVAL_LINK_EXPIRED: doc(422, 'Liên kết phê duyệt đã hết hạn', 'The approval link expired'),
  UNIT_NOT_A_CELL: doc(422, 'Chỉ chi bộ mới đề nghị kết nạp', 'Only a cell nominates'),
  UNIT_RETIRED: doc(422, 'Đơn vị đã giải thể', 'The unit is retired'),
  ACCOUNT_NOT_FOUND: doc(404, 'Không tìm thấy tài khoản', 'Account not found'),
  ACCOUNT_EMAIL_TAKEN: doc(
    409,
    'Thư điện tử đã gắn với tài khoản khác',
    'The e-mail belongs to another account',
  ),
  ACCOUNT_USERNAME_TAKEN: doc(409, 'Tên đăng nhập đã có người dùng', 'The username is taken'),
  ACCOUNT_SELF_CHANGE: doc(
    422,
    'Không tự khóa, hạ quyền hay chuyển chính mình',
    'No disabling, demoting or moving oneself',
  ),
  ROLE_ABOVE_OWN: doc(
    403,
    'Không cấp vai trò cao hơn của mình',
    'No role above your own may be granted',
  ),
  LAST_APPROVER: doc(
    422,
    'Người quyết định cuối cùng của đơn vị còn hồ sơ chờ; cần người thay thế',
    'The last approver of a unit with pending files; name a replacement',
  ),
  REPLACEMENT_INVALID: doc(422, 'Người thay thế không hợp lệ', 'The replacement is not valid'),
  UNIT_HAS_CHILDREN: doc(422, 'Đơn vị còn đơn vị trực thuộc', 'The unit has children'),
  UNIT_HAS_OPEN_FILES: doc(422, 'Đơn vị còn hồ sơ đang mở', 'The unit has open files'),
  UNIT_IMPORT_TOO_LARGE: doc(422, 'Quá nhiều đơn vị trong một lần', 'Too many units at once'),
  UNIT_LEVEL_NOT_ALLOWED: doc(422, 'Cấp đơn vị không hợp lệ', 'Unit level not allowed there'),
  UNIT_MOVE_CROSSES_LEDGER_LEVEL: doc(
    422,
    'Chuyển đơn vị giữa trực thuộc thẳng cấp ủy trực thuộc Trung ương và cấp dưới',
    'The move takes the unit between directly under a top-level committee and deeper',
  ),
  UNIT_MOVE_CYCLE: doc(422, 'Chuyển đơn vị tạo vòng lặp', 'The move would create a cycle'),
  UNIT_MOVE_IN_FUTURE: doc(422, 'Không chuyển đơn vị từ ngày tương lai', 'Move date in the future'),
  UNIT_PARENT_REQUIRED: doc(422, 'Cần đơn vị cấp trên', 'A parent unit is required'),
  AUDIT_EXPORT_TOO_LARGE: doc(
    422,
    'Nhật ký quá lớn cho một lần xuất; chọn khoảng ngày ngắn hơn',
    'The audit export is too large; choose a shorter period',
  ),
  QUOTA_IMPORT_TOO_LARGE: doc(422, 'Quá nhiều chỉ tiêu một lần', 'Too many targets at once'),
  POLICY_NOT_IN_FORCE: doc(422, 'Không có quy định hiệu lực ngày đó', 'No policy in force then'),
  AGE_BELOW_MINIMUM: doc(422, 'Chưa đủ 18 tuổi', 'Below the minimum age'),
  AGE_ABOVE_MAXIMUM: doc(422, 'Quá tuổi, cần ý kiến cấp trên', 'Above the maximum age'),
  AGE_CONSENT_NOT_PRIOR: doc(422, 'Ý kiến đồng ý phải có trước', 'The consent must come first'),
  EDUCATION_BELOW_MINIMUM: doc(422, 'Trình độ học vấn chưa đủ', 'Education below the minimum'),
  AWARENESS_CERTIFICATE_EXPIRED: doc(422, 'Giấy chứng nhận hết hạn', 'Certificate expired'),
  AWARENESS_CERTIFICATE_NOT_YET_ISSUED: doc(
    422,
    'Giấy chứng nhận chưa được cấp',
    'Certificate not yet issued',
  ),
  BACKGROUND_RESULT_INCONSISTENT: doc(
    422,
    'Kết quả thẩm tra không khớp',
    'Inconsistent background check',
  ),
  BACKGROUND_SUBJECTS_MISSING: doc(422, 'Thiếu đối tượng thẩm tra', 'Background subjects missing'),
  DATE_BEFORE_PREVIOUS_STEP: doc(422, 'Ngày trước bước trước đó', 'Date before the previous step'),
  DOSSIER_STALE: doc(422, 'Hồ sơ quá hạn', 'The dossier is stale'),
  CEREMONY_BEFORE_DECISION: doc(422, 'Lễ kết nạp trước quyết định', 'Ceremony before decision'),
  CEREMONY_LATE: doc(422, 'Lễ kết nạp quá hạn', 'The ceremony is late'),
  DECISION_DEADLINE_ALREADY_EXTENDED: doc(
    422,
    'Thời hạn quyết định đã được gia hạn một lần',
    'The decision deadline was already extended',
  ),
  DECISION_DEADLINE_UNKNOWN: doc(
    422,
    'Chưa có thời hạn quyết định để gia hạn',
    'No decision deadline to extend',
  ),
  RECOGNITION_BEFORE_PROBATION_END: doc(
    422,
    'Chi bộ xét công nhận trước khi hết 12 tháng dự bị',
    'The recognition review is before probation ends',
  ),
  DOCUMENT_AFTER_MEETING: doc(
    422,
    'Văn bản (10-KNĐ, 11-KNĐ, 12-KNĐ) đề ngày sau cuộc họp',
    'A document (10-KNĐ, 11-KNĐ, 12-KNĐ) is dated after the meeting',
  ),
  READMISSION_ALREADY_USED: doc(422, 'Đã kết nạp lại một lần', 'Readmission already used'),
  READMISSION_TOO_SOON: doc(422, 'Chưa đủ thời gian kết nạp lại', 'Readmission too soon'),
  SPONSORS_COMBINATION_INVALID: doc(422, 'Người giới thiệu không hợp lệ', 'Invalid sponsors'),
  SPONSORS_SAME_MEMBER: doc(422, 'Hai người giới thiệu trùng nhau', 'The same sponsor twice'),
  SPONSOR_NOT_OFFICIAL_MEMBER: doc(
    422,
    'Người giới thiệu chưa là đảng viên chính thức',
    'The sponsor is not a full member',
  ),
  SPONSOR_TOGETHER_TOO_SHORT: doc(
    422,
    'Người giới thiệu chưa cùng công tác đủ 12 tháng',
    'The sponsor worked with the candidate too briefly',
  ),
  SPONSOR_TRADE_UNION_NOT_MEMBER: doc(422, 'Không là đoàn viên công đoàn', 'Not a union member'),
  SPONSOR_YOUTH_UNION_NOT_MEMBER: doc(422, 'Không là đoàn viên', 'Not a Youth Union member'),
  SPONSOR_YOUTH_UNION_OVER_AGE: doc(422, 'Quá tuổi đoàn', 'Over the Youth Union age'),

  // Onboarding files in progress: the file (400, 413), then each row's answer inside the 200
  IMPORT_FILE_MALFORMED: doc(400, 'Tệp XLSX không đọc được', 'The XLSX file cannot be read'),
  IMPORT_FILE_NOT_UTF8: doc(400, 'Tệp CSV không mã hóa UTF-8', 'The CSV file is not UTF-8'),
  IMPORT_EMPTY: doc(400, 'Tệp không có dòng dữ liệu', 'The file has no data rows'),
  IMPORT_UNKNOWN_COLUMN: doc(400, 'Cột không có trong mẫu', 'A column is not in the template'),
  IMPORT_MISSING_COLUMN: doc(400, 'Thiếu cột bắt buộc', 'A required column is missing'),
  IMPORT_TOO_MANY_ROWS: doc(413, 'Quá 100 dòng trong một tệp', 'More than 100 rows in a file'),
  INVALID_ROW: doc(400, 'Dòng có ô sai dạng (cột `field`)', 'A cell of the row is malformed'),
  IMPORT_STAGE_UNKNOWN: doc(400, 'Bước không nhập được', 'The stage cannot be imported'),
  IMPORT_FACTS_MISSING: doc(
    400,
    'Thiếu dữ liệu của một bước hồ sơ đã qua',
    'The facts of a stage behind the file are missing',
  ),
  IMPORT_FACTS_BEYOND_STAGE: doc(
    400,
    'Có dữ liệu của bước hồ sơ chưa đến',
    'Facts of a stage the file has not reached',
  ),
  IMPORT_STAGE_NOT_REACHED: doc(
    422,
    'Theo quy định, dữ liệu không dẫn hồ sơ đến bước đã ghi',
    'Under the rules, the facts do not lead the file to its stage',
  ),
  IMPORT_DATE_IN_FUTURE: doc(422, 'Ngày sau hôm nay', 'A date after today'),
  IMPORT_PROBATION_NOT_OVER: doc(
    422,
    'Chưa hết 12 tháng dự bị',
    'The 12 months of probation are not over',
  ),

  // The edge (429): AWS WAF's per-caller rate rule answers it before the API (lib/web-firewall.ts).
  RATE_LIMITED: doc(
    429,
    'Quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau Retry-After giây',
    'Too many requests in a short time; try again after Retry-After seconds',
  ),

  // The service (500, 503)
  CONTENTION: doc(
    503,
    'Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key',
    'Records busy with concurrent updates; resend after Retry-After with the same key',
  ),
  SERVICE_UNAVAILABLE: doc(
    503,
    'Hệ thống bận; thử lại với cùng Idempotency-Key',
    'Busy; retry with the same key',
  ),
  INTERNAL_ERROR: doc(500, 'Lỗi hệ thống (đã ghi lại)', 'Internal error (logged)'),
} satisfies Record<string, ErrorCodeDoc>;

export type ErrorCode = keyof typeof ERROR_CODES;
