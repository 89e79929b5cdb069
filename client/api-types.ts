/**
 * GENERATED from the OpenAPI document (functions/http/contract) by openapi-typescript.
 * Do not edit: run `npm run docs:client`. test/unit/http/client-types.test.ts fails when stale.
 */
export interface paths {
  '/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Hàng đợi hồ sơ của một đơn vị và các đơn vị trực thuộc / Work queue: a unit's subtree
     * @description Hồ sơ của đơn vị và mọi đơn vị trực thuộc, lọc theo bước, quá hạn, hạn trước một ngày và tên (không dấu); xếp theo hạn gần nhất, rồi theo thời gian chờ. Phân trang bằng con trỏ, mỗi hồ sơ xuất hiện đúng một lần; không có dữ liệu cá nhân.
     *
     *     The candidates of a unit and all units below it, filtered by stage, overdue, due before a day and name (accent-insensitive); soonest due first, then the longest waiting. Cursor pagination lists each candidate exactly once; no personal data.
     */
    get: operations['listCandidates'];
    put?: never;
    /**
     * Chi bộ đề nghị một quần chúng ưu tú / A cell nominates an outstanding person
     * @description Tạo hồ sơ ở bước đầu tiên và khởi động quy trình. Số CCCD chỉ lưu dạng che và dấu vân tay có khóa; một người chỉ có một hồ sơ đang mở.
     *
     *     Creates the file at the first stage and starts the workflow. The ID number is kept masked and as a keyed fingerprint; one open file per person.
     */
    post: operations['nominate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/candidates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Một hồ sơ, bước đang chờ và lịch sử / A candidate, its pending step and history
     * @description ETag là phiên bản của hồ sơ; gửi lại trong If-Match khi thao tác.
     *
     *     The ETag is the candidate's version; send it back as If-Match when acting.
     */
    get: operations['getCandidate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/candidates/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Lịch sử hồ sơ / A candidate's history
     * @description Ai đã làm gì, khi nào, với vai trò nào và từ đâu.
     *
     *     Who did what, when, in which role and from where.
     */
    get: operations['getHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/candidates/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Thực hiện thao tác ở bước đang chờ / Act on the pending step
     * @description Quy trình áp dụng thao tác đã nhận; hồ sơ đổi phiên bản khi xong. Phiên bản mong đợi: expectedVersion trong nội dung hoặc tiêu đề If-Match.
     *
     *     The workflow applies the accepted action; the version moves when done. Expected version: expectedVersion in the body or the If-Match header.
     */
    post: operations['submitAction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/candidates/{id}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Thu hồi quyết định kết nạp / Revoke an admission
     * @description Quản trị viên thu hồi; các bộ đếm chỉ tiêu được trừ lại kèm lý do. If-Match (tùy chọn): chỉ sửa đúng phiên bản đã đọc.
     *
     *     An administrator revokes; the quota counters are reversed with the reason. If-Match (optional): only the version read is corrected.
     */
    post: operations['correctCandidate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Xuất nhật ký thao tác / Export the audit trail
     * @description Mọi thao tác trong cây đơn vị trong một khoảng ngày (tối đa 366 ngày). JSON: từng trang (limit, cursor = nextCursor của trang trước), theo tháng, rồi thao tác của chính đơn vị theo thời gian, rồi từng đơn vị cấp dưới. CSV: cả khoảng ngày; vừa một trang thì trả ngay, dài hơn thì ghi ra tệp và trả liên kết tải có hạn 15 phút.
     *
     *     Every command in a unit's subtree over a period (at most 366 days). JSON: page by page (limit, cursor = the previous page's nextCursor), month by month, the unit's own events by time, then each unit below it. CSV: the whole period; answered inline when it fits in one page, otherwise written to a file and answered with a download link valid for 15 minutes.
     */
    get: operations['exportAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Chỉ tiêu của một đơn vị / A unit's targets
     * @description Theo kỳ nếu có.
     *
     *     For a period if given.
     */
    get: operations['listQuotaTargets'];
    /**
     * Ghi chỉ tiêu (tối đa 100, tất cả hoặc không) / Write targets (≤ 100, all or none)
     * @description Quản trị viên nhập chỉ tiêu kết nạp.
     *
     *     An administrator enters targets.
     */
    put: operations['saveQuotaTargets'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotas/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Nhập chỉ tiêu từ tệp CSV / Import targets from CSV
     * @description Tất cả các dòng hoặc không dòng nào; lỗi theo số dòng.
     *
     *     All rows or none; errors by line.
     */
    post: operations['importQuotaTargets'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotas/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Xuất chỉ tiêu ra CSV / Export targets as CSV
     * @description Của đơn vị và các đơn vị con.
     *
     *     Of the unit and its children.
     */
    get: operations['exportQuotaTargets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/quotas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Báo cáo thực hiện chỉ tiêu / Quota attainment report
     * @description Theo đơn vị cấp trên giao và chỉ số, tiến độ, câu báo cáo, phễu; JSON, CSV hoặc XLSX.
     *
     *     Per issuer and metric, pace, the report sentence and the funnel; JSON, CSV or XLSX.
     */
    get: operations['quotaReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/onboarding/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Tải mẫu nhập hồ sơ đang xử lý / Download the template of files in progress
     * @description Các cột (tiếng Việt, tiếng Anh, [mã cột]) sinh từ bảng quy trình, một dòng ví dụ, các bước và cột mỗi bước cần; JSON, CSV hoặc XLSX.
     *
     *     The columns (Vietnamese, English, [column key]) derived from the pipeline table, one example row, the stages and the columns each needs; JSON, CSV or XLSX.
     */
    get: operations['onboardingTemplate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/onboarding/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Nhập hồ sơ đang xử lý và đảng viên đã kết nạp / Import files in progress and members admitted before adoption
     * @description Tệp CSV hoặc XLSX theo mẫu, tối đa 100 dòng. Mỗi dòng được kiểm tra theo đúng quy định như thao tác của cán bộ và trả lời APPLIED, SKIPPED (đã nhập trước đó) hoặc REFUSED kèm lỗi chuẩn. Hồ sơ bắt đầu quy trình ở bước của nó; đảng viên dự bị được hẹn ngày hết 12 tháng dự bị.
     *
     *     A CSV or XLSX file after the template, at most 100 rows. Each row is checked by the same rules as an officer's action and answers APPLIED, SKIPPED (imported before) or REFUSED with the standard error. Each file starts its workflow at its stage; a probationary member is woken at the end of the 12 months.
     */
    post: operations['importFilesInProgress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Tạo đơn vị / Create a unit
     * @description Dưới một đơn vị cấp trên, từ một ngày.
     *
     *     Under a parent, from a date.
     */
    post: operations['createUnit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/units/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Nhập cây đơn vị / Import units
     * @description Danh sách JSON hoặc tệp CSV; tất cả hoặc không; lỗi theo dòng.
     *
     *     A JSON list or a CSV file; all or none; errors by line.
     */
    post: operations['importUnits'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/units/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Một đơn vị vào một ngày / A unit on a day
     * @description Phiên bản có hiệu lực ngày `on` (mặc định hôm nay).
     *
     *     The version in force on `on` (default today).
     */
    get: operations['getUnit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/units/{id}/moves': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Chuyển đơn vị sang cấp trên mới / Move a unit to a new parent
     * @description Từ một ngày; đường dẫn của đơn vị con và hồ sơ đang mở đi theo.
     *
     *     From a date; the paths of descendants and open files follow.
     */
    post: operations['moveUnit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/units/{id}/retirement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Giải thể đơn vị / Retire a unit
     * @description Từ một ngày.
     *
     *     From a date.
     */
    post: operations['retireUnit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approvals/{approvalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Trang phê duyệt (không cần đăng nhập) / The approval page (public)
     * @description Trang tĩnh không chứa dữ liệu; kịch bản của trang gọi hai đường dẫn dưới đây bằng mã JWT của người phê duyệt.
     *
     *     A static page without data; its script calls the two routes below with the approver's JWT.
     */
    get: operations['approvalPage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approvals/{approvalId}/details': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Nội dung cần phê duyệt / What the approver decides on
     * @description Tóm tắt hồ sơ, tài liệu, biểu quyết, hạn; hoặc quyết định đã ghi.
     *
     *     Dossier summary, documents, votes, deadline; or the decision recorded.
     */
    get: operations['approvalDetails'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approvals/{approvalId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Quyết định qua liên kết phê duyệt / Decide through the approval link
     * @description Ghi một lần; lần bấm thứ hai trả 409 kèm details.decision.
     *
     *     Recorded once; a second click answers 409 with details.decision.
     */
    post: operations['decideApproval'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Việc đang chờ tôi / What waits for me
     * @description Các hồ sơ trong đơn vị của người gọi và các đơn vị trực thuộc đang chờ ở bước mà vai trò của người gọi phải làm (cán bộ chi bộ: các bước của chi bộ; cán bộ đảng ủy: thẩm tra, đảng ủy xét; người có thẩm quyền: quyết định kết nạp); hạn gần nhất trước, rồi chờ lâu nhất.
     *
     *     The candidates of the caller's subtree waiting at a stage the caller's roles act on (cell officer: the cell's steps; committee officer: verification, grassroots vote; approver: the decision); soonest due first, then the longest waiting.
     */
    get: operations['listTasks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/candidates/bulk-actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Một thao tác cho nhiều hồ sơ / One action on each of many candidates
     * @description Tối đa 100 hồ sơ. Mỗi hồ sơ đi qua đúng đường của POST /candidates/{id}/actions (một giao dịch có điều kiện); kết quả từng hồ sơ: APPLIED, REFUSED (kèm lỗi chuẩn) hoặc SKIPPED (đã có đúng nội dung đó). Gửi lại cùng Idempotency-Key nhận lại câu trả lời đầu, không ghi hai lần; sau sự cố, gửi lại để hoàn tất.
     *
     *     At most 100 candidates. Each goes through the path of POST /candidates/{id}/actions (one conditional transaction); each answers APPLIED, REFUSED (with the standard error) or SKIPPED (already recorded). A replay with the same Idempotency-Key returns the first response and writes nothing twice; after a failure, replay to complete.
     */
    post: operations['bulkActions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/classes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Các lớp của một đơn vị tổ chức / An organiser's classes
     * @description Mới nhất trước; mặc định là đơn vị của người gọi.
     *
     *     Latest first; default: the caller's unit.
     */
    get: operations['listClasses'];
    put?: never;
    /**
     * Mở lớp bồi dưỡng nhận thức về Đảng / Open a Party awareness class
     * @description Cán bộ đảng ủy hoặc quản trị viên mở lớp cho quần chúng của đơn vị tổ chức và các đơn vị trực thuộc.
     *
     *     A committee officer or an administrator opens a class for the candidates of the organiser's subtree.
     */
    post: operations['createClass'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/classes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Một lớp, danh sách học viên và số liệu / A class, its roster and figures
     * @description Số liệu cho báo cáo: đạt/ghi danh ("26/37"), không đạt, vắng, chưa có kết quả.
     *
     *     Figures for reports: passed/enrolled ("26/37"), failed, absent, awaiting a result.
     */
    get: operations['getClass'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/classes/{id}/enrolments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ghi danh nhiều quần chúng vào lớp / Enrol many candidates in the class
     * @description Mỗi hồ sơ: thao tác enrolInClass với ngày của lớp và một chỗ trong lớp, cùng một giao dịch (hết chỗ: CLASS_FULL). Tối đa 100; kết quả từng hồ sơ như POST /candidates/bulk-actions.
     *
     *     Each candidate: the enrolInClass action with the class's dates and a seat, in one transaction (no seat left: CLASS_FULL). At most 100; one result per candidate as in POST /candidates/bulk-actions.
     */
    post: operations['enrolInClass'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/classes/{id}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ghi kết quả cả lớp / Record the whole class's results
     * @description Đạt (kèm số giấy chứng nhận CN-NTVĐ và ngày cấp, mặc định ngày kết thúc lớp), không đạt, vắng. Mỗi hồ sơ: thao tác recordClassResult qua đúng đường của một thao tác đơn lẻ; quy trình của từng người đi tiếp (đạt: sang bước đơn; không đạt/vắng: học lại).
     *
     *     Passed (with the CN-NTVĐ certificate number and issue date, default the class's last day), failed, absent. Each candidate: the recordClassResult action through the single-action path; each workflow moves on (passed: to the application; failed/absent: a retake).
     */
    post: operations['recordClassResults'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Tài khoản của một đơn vị, theo vai trò / A unit's accounts, by role
     * @description Mọi tài khoản của đơn vị (kể cả đã khóa); với role: những người đang giữ vai trò đó. Phân trang bằng con trỏ.
     *
     *     Every account of the unit (disabled included); with role: the enabled holders of that role. Cursor pagination.
     */
    get: operations['listAccounts'];
    put?: never;
    /**
     * Tạo tài khoản cán bộ (gửi thư mời) / Create an officer account (invitation e-mail)
     * @description Quản trị viên tạo tài khoản trong phạm vi đơn vị mình: Cognito gửi thư mời kèm mật khẩu tạm thời; danh bạ ghi vai trò và đơn vị cùng sự kiện nhật ký. Không được cấp vai trò cao hơn vai trò của mình.
     *
     *     An administrator creates an account inside their subtree: Cognito e-mails the invitation with a temporary password; the directory records the roles and unit with the audit event. No role above the administrator's own may be granted.
     */
    post: operations['createAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Một tài khoản và nhật ký thay đổi / An account and its audit trail
     * @description Ngoài phạm vi quản lý: 404 như tài khoản không tồn tại.
     *
     *     Outside the subtree: 404, as for a missing account.
     */
    get: operations['getAccount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Đổi vai trò, chuyển đơn vị, khóa hoặc mở lại tài khoản / Change roles, move, disable or re-enable an account
     * @description Mỗi thay đổi là một sự kiện nhật ký. Không khóa, hạ quyền hay chuyển người quyết định cuối cùng của đơn vị khi còn hồ sơ chờ đơn vị quyết định, trừ khi chỉ định người thay thế (replacementUserId): người đó nhận các hồ sơ đang chờ, mỗi hồ sơ một liên kết phê duyệt.
     *
     *     Every change is an audit event. The last approver of a unit cannot be disabled, demoted or moved while files await its decision, unless a replacement is named (replacementUserId): they receive the pending files, each with an approval link.
     */
    patch: operations['changeAccount'];
    trace?: never;
  };
  '/me/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Những gì đã gửi cho tôi, và khi nào / What was sent to me, and when
     * @description Các thư đã gửi cho người đang đăng nhập (mới nhất trước): loại, tiêu đề, hồ sơ, liên kết, thời điểm, trạng thái.
     *
     *     The messages sent to the signed-in person, newest first: kind, subject, candidate, link, time, status.
     */
    get: operations['myDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Tài liệu OpenAPI 3.1 của API / The API's OpenAPI 3.1 document
     * @description Sinh từ sổ đăng ký hợp đồng đường dẫn (cùng lược đồ zod kiểm tra yêu cầu).
     *
     *     Generated from the route contract registry (the zod schemas that validate requests).
     */
    get: operations['openApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Trang tài liệu API / The API documentation page
     * @description Trang HTML tự chứa, dựng từ tài liệu OpenAPI.
     *
     *     A self-contained HTML page rendered from the OpenAPI document.
     */
    get: operations['apiDocsPage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Dạng lỗi duy nhất của API: mã, thông điệp tiếng Việt và tiếng Anh, trường gây lỗi / The API's one error shape: code, Vietnamese and English message, field at fault */
    Error: {
      /** @description Mã lỗi ổn định / Stable error code */
      code: string;
      /** @description Thông điệp tiếng Việt / Vietnamese message */
      message: string;
      /** @description Thông điệp tiếng Anh / English message */
      message_en: string;
      /** @description Trường gây lỗi / The field at fault */
      field?: string;
      /** @description Chi tiết máy đọc được / Machine-readable details */
      details?: {
        [key: string]: unknown;
      };
    };
    /** @description Lỗi của cổng API khi mã JWT thiếu hoặc sai / The gateway’s answer to a missing or invalid JWT */
    GatewayError: {
      message: string;
    };
    /** @description Hồ sơ kết nạp / An admission file */
    Candidate: {
      id: string;
      fullName: string;
      /** @enum {string} */
      nominationSource: 'YOUTH_UNION' | 'TRADE_UNION' | 'CELL';
      unitId: string;
      unitPath: string[];
      stage: components['schemas']['Stage'];
      stageLabel: string;
      stageLabelEn: string;
      /** @description Phiên bản; gửi lại trong expectedVersion hoặc If-Match / Version; send it back as expectedVersion or If-Match */
      version: number;
      /** @enum {string} */
      status: 'AWAITING_ACTION' | 'PROCESSING' | 'CLOSED';
      /** @description Thời điểm ISO 8601 / ISO 8601 instant */
      createdAt: string;
      /** @description Thời điểm ISO 8601 / ISO 8601 instant */
      updatedAt: string;
      /** @description Thời điểm ISO 8601 / ISO 8601 instant */
      stageEnteredAt: string;
      awaiting?: {
        stage: components['schemas']['Stage'];
        /** @description Thời điểm ISO 8601 / ISO 8601 instant */
        since: string;
        actions: ({
          action: string;
          label: string;
          labelEn: string;
        } & {
          [key: string]: unknown;
        })[];
      } & {
        [key: string]: unknown;
      };
      documents: {
        [key: string]: unknown;
      }[];
      missingDocuments: string[];
      /** @description Thời hạn của bước đang chờ (ngày làm việc) và mức báo cáo lên cấp trên khi quá hạn / Due date of the step it waits at (working days) and how far an overdue step escalated */
      deadline?: {
        stage: components['schemas']['Stage'];
        /**
         * Format: date
         * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
         */
        from: string;
        /**
         * Format: date
         * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
         */
        dueOn: string;
        workingDays: number;
        policyVersion: string;
        overdueNoticesSent: number;
        escalationLevel: number;
        /** @description Thời điểm ISO 8601 / ISO 8601 instant */
        lastNoticeAt?: string;
      } & {
        [key: string]: unknown;
      };
      pendingAction?: {
        action: string;
        toStage: components['schemas']['Stage'];
        /** @description Thời điểm ISO 8601 / ISO 8601 instant */
        submittedAt: string;
      } & {
        [key: string]: unknown;
      };
      history?: components['schemas']['HistoryEvent'][];
    } & {
      [key: string]: unknown;
    };
    /**
     * @description Bước của quy trình kết nạp / Stage of the admission procedure
     * @enum {string}
     */
    Stage:
      | 'NOMINATED'
      | 'AWARENESS_CLASS'
      | 'APPLICATION'
      | 'BACKGROUND_CHECK'
      | 'SPONSORSHIP'
      | 'CELL_RESOLUTION'
      | 'GRASSROOTS_RESOLUTION'
      | 'ADMISSION_DECISION'
      | 'CEREMONY'
      | 'RECOGNITION_CELL_REVIEW'
      | 'RECOGNITION_GRASSROOTS'
      | 'RECOGNITION_DECISION'
      | 'ADMITTED'
      | 'REJECTED'
      | 'WITHDRAWN'
      | 'REVOKED'
      | 'OFFICIAL'
      | 'REMOVED';
    /** @description Sự kiện lịch sử / A history event */
    HistoryEvent: {
      candidateId: string;
      seq: number;
      /** @description Thời điểm ISO 8601 / ISO 8601 instant */
      at: string;
      /** @enum {string} */
      type: 'NOMINATED' | 'TRANSITION' | 'CORRECTION' | 'REMINDER' | 'ESCALATION';
      fromStage?: components['schemas']['Stage'];
      toStage: components['schemas']['Stage'];
      action?: string;
      outcome?: string;
      policyVersion?: string;
      actor?: components['schemas']['Actor'];
      /** @description Nhắc việc/báo cáo lên cấp trên về bước quá hạn: ai được báo, hạn nào / Reminder/escalation of an overdue step: who was told, about which due date */
      notice?: {
        index: number;
        escalationLevel: number;
        recipient: {
          /** @enum {string} */
          role: 'cell-officer' | 'committee-officer' | 'approver' | 'admin' | 'ops-viewer';
          unitId: string;
        } & {
          [key: string]: unknown;
        };
        /**
         * Format: date
         * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
         */
        dueOn: string;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description Người thực hiện / Who acted */
    Actor: {
      userId: string;
      name: string;
      /** @enum {string} */
      role: 'cell-officer' | 'committee-officer' | 'approver' | 'admin' | 'ops-viewer';
      unitId: string;
    } & {
      [key: string]: unknown;
    };
    /** @description Một trang hồ sơ / A page of candidates */
    CandidatePage: {
      items: components['schemas']['CandidateSummary'][];
      /** @description Con trỏ trang sau (không có: hết) / Next page cursor (absent: last) */
      nextCursor?: string;
    } & {
      [key: string]: unknown;
    };
    /** @description Hồ sơ trong danh sách / A candidate in a listing */
    CandidateSummary: {
      id: string;
      fullName: string;
      unitId: string;
      stage: components['schemas']['Stage'];
      version: number;
      /** @description Thời điểm ISO 8601 / ISO 8601 instant */
      createdAt: string;
      /** @description Thời điểm ISO 8601 / ISO 8601 instant */
      stageEnteredAt: string;
      /**
       * Format: date
       * @description Hạn của bước hiện tại / When the current step is due
       */
      dueOn?: string;
      /** @description Bước quá hạn đã được báo lên bao nhiêu cấp (0: mới nhắc) / Levels an overdue step was escalated (0: reminded only) */
      escalationLevel?: number;
      /** @description Đã quá hạn (hạn trước hôm nay) / Past due (due before today) */
      overdue: boolean;
    } & {
      [key: string]: unknown;
    };
    /** @description Một trang nhật ký (format=json) / A page of the audit trail (format=json) */
    AuditPage: {
      unit: string;
      /**
       * Format: date
       * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
       */
      from: string;
      /**
       * Format: date
       * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
       */
      to: string;
      items: ({
        candidateId: string;
        seq: number;
        /** @description Thời điểm ISO 8601 / ISO 8601 instant */
        at: string;
        /** @enum {string} */
        type: 'NOMINATED' | 'TRANSITION' | 'CORRECTION' | 'REMINDER' | 'ESCALATION';
        fromStage?: components['schemas']['Stage'];
        toStage: components['schemas']['Stage'];
        action?: string;
        outcome?: string;
        policyVersion?: string;
        actor?: components['schemas']['Actor'];
        /** @description Nhắc việc/báo cáo lên cấp trên về bước quá hạn: ai được báo, hạn nào / Reminder/escalation of an overdue step: who was told, about which due date */
        notice?: {
          index: number;
          escalationLevel: number;
          recipient: {
            /** @enum {string} */
            role: 'cell-officer' | 'committee-officer' | 'approver' | 'admin' | 'ops-viewer';
            unitId: string;
          } & {
            [key: string]: unknown;
          };
          /**
           * Format: date
           * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
           */
          dueOn: string;
        } & {
          [key: string]: unknown;
        };
        unitPath: string[];
      } & {
        [key: string]: unknown;
      })[];
      /** @description Con trỏ trang sau (không có: hết) / Next page cursor (absent: last) */
      nextCursor?: string;
    } & {
      [key: string]: unknown;
    };
    /** @description Tệp lớn hơn một trang: đã ghi và trả liên kết tải / A file larger than one page: written, answered with a download link */
    AuditExportLink: {
      unit: string;
      /**
       * Format: date
       * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
       */
      from: string;
      /**
       * Format: date
       * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
       */
      to: string;
      /** @enum {string} */
      format: 'csv';
      /** @description Số thao tác trong tệp / Events in the file */
      count: number;
      filename: string;
      download: {
        /**
         * Format: uri
         * @description Liên kết tải tệp (đã ký, không cần token) / Signed download link (no token needed)
         */
        url: string;
        /** @description Liên kết hết hạn lúc / The link expires at */
        expiresAt: string;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description Mẫu nhập hồ sơ đang xử lý / The template of files in progress */
    OnboardingTemplate: {
      columns: ({
        key: string;
        header: string;
        group: string;
        label: string;
        labelEn: string;
        /** @enum {string} */
        type: 'date' | 'text' | 'integer' | 'boolean';
        required: boolean;
        values?: string[];
      } & {
        [key: string]: unknown;
      })[];
      example: {
        [key: string]: string;
      };
      stages: ({
        /** @enum {string} */
        stage:
          | 'NOMINATED'
          | 'AWARENESS_CLASS'
          | 'APPLICATION'
          | 'BACKGROUND_CHECK'
          | 'SPONSORSHIP'
          | 'CELL_RESOLUTION'
          | 'GRASSROOTS_RESOLUTION'
          | 'ADMISSION_DECISION'
          | 'CEREMONY'
          | 'RECOGNITION_CELL_REVIEW'
          | 'RECOGNITION_GRASSROOTS'
          | 'RECOGNITION_DECISION'
          | 'ADMITTED'
          | 'OFFICIAL';
        label: string;
        labelEn: string;
        stagesBehind: string[];
        requiredColumns: string[];
      } & {
        [key: string]: unknown;
      })[];
      patterns: string[];
    } & {
      [key: string]: unknown;
    };
    /** @description Kết quả nhập từng dòng / The answer of each row */
    OnboardingReport: {
      fileName: string;
      sha256: string;
      rows: number;
      applied: number;
      skipped: number;
      refused: number;
      results: ({
        row: number;
        /** @enum {string} */
        status: 'APPLIED' | 'SKIPPED' | 'REFUSED';
        candidateId?: string;
        /** @enum {string} */
        stage?:
          | 'NOMINATED'
          | 'AWARENESS_CLASS'
          | 'APPLICATION'
          | 'BACKGROUND_CHECK'
          | 'SPONSORSHIP'
          | 'CELL_RESOLUTION'
          | 'GRASSROOTS_RESOLUTION'
          | 'ADMISSION_DECISION'
          | 'CEREMONY'
          | 'RECOGNITION_CELL_REVIEW'
          | 'RECOGNITION_GRASSROOTS'
          | 'RECOGNITION_DECISION'
          | 'ADMITTED'
          | 'OFFICIAL';
        error?: {
          code: string;
          message: string;
          message_en: string;
          field?: string;
          status: number;
        } & {
          [key: string]: unknown;
        };
      } & {
        [key: string]: unknown;
      })[];
    } & {
      [key: string]: unknown;
    };
    /** @description Đơn vị / A unit */
    Unit: {
      id: string;
      name: string;
      level: string;
      parentId?: string;
      path: string[];
      /**
       * Format: date
       * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
       */
      effectiveFrom: string;
      /**
       * Format: date
       * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
       */
      retiredOn?: string;
    } & {
      [key: string]: unknown;
    };
    /** @description Tài khoản cán bộ / An officer account */
    Account: {
      userId: string;
      username: string;
      email: string;
      name: string;
      unitId: string;
      roles: ('cell-officer' | 'committee-officer' | 'approver' | 'admin' | 'ops-viewer')[];
      enabled: boolean;
      digest: boolean;
      version: number;
      history?: ({
        type: string;
        /** @description Thời điểm ISO 8601 / ISO 8601 instant */
        at: string;
      } & {
        [key: string]: unknown;
      })[];
    } & {
      [key: string]: unknown;
    };
  };
  responses: never;
  parameters: {
    /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
    IdempotencyKey: string;
    /** @description ETag của lần đọc (phiên bản); nếu đã cũ: 412 VERSION_CONFLICT. Thay cho expectedVersion / The ETag of the read (the version); when stale: 412 VERSION_CONFLICT. Instead of expectedVersion */
    IfMatch: string;
  };
  requestBodies: never;
  headers: {
    /** @description Phiên bản của tài nguyên (gửi lại trong If-Match) / Version of the resource (send it back in If-Match) */
    ETag: string;
    /** @description Đường dẫn của tài nguyên / Path of the resource */
    Location: string;
    /** @description Tên tệp tải về / Download file name */
    'Content-Disposition': string;
    /** @description Số giây chờ trước khi thử lại / Seconds to wait */
    'Retry-After': string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listCandidates: {
    parameters: {
      query?: {
        /** @description Chỉ các bước đã quá hạn (hạn trước hôm nay) / Only steps past due (due before today) */
        overdue?: 'true' | 'false';
        /** @description Chỉ các bước có hạn trước ngày này / Only steps due before this day */
        dueBefore?: string;
        /** @description Tìm theo tên, không phân biệt dấu và hoa thường ("Nguyen Van" tìm thấy "Nguyễn Văn") / Name search, accent- and case-insensitive */
        q?: string;
        /** @description Số mục mỗi trang (1–100) / Items per page (1–100) */
        limit?: number;
        /** @description Giá trị nextCursor của trang trước (không tự tạo) / The previous page's nextCursor (opaque) */
        cursor?: string;
        /** @description Đơn vị; liệt kê cả các đơn vị trực thuộc (mặc định: đơn vị của người gọi) / Unit; its whole subtree is listed (default: the caller's unit) */
        unit?: string;
        /** @description Một hoặc nhiều bước, cách nhau bởi dấu phẩy / One or more stages, comma-separated */
        stage?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Một trang hồ sơ / A page of candidates */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CandidatePage'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `INVALID_CURSOR`: Con trỏ phân trang không hợp lệ / Invalid pagination cursor
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'INVALID_CURSOR' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  nominate: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          fullName: string;
          /** Format: date */
          dateOfBirth: string;
          /** @enum {string} */
          nominationSource: 'YOUTH_UNION' | 'TRADE_UNION' | 'CELL';
          unitId: string;
          nationalId: string;
          /** @enum {string} */
          educationLevel: 'NONE' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY' | 'TERTIARY';
          /** @default false */
          youthUnionMember?: boolean;
          /** @default false */
          tradeUnionMember?: boolean;
          over60Consent?: {
            /** Format: date */
            givenOn: string;
            reference?: string;
          };
          formerMembership?: {
            /** Format: date */
            leftOn: string;
            /** @default 0 */
            previousReadmissions?: number;
          };
        };
      };
    };
    responses: {
      /** @description Hồ sơ đã tạo / The candidate was created */
      201: {
        headers: {
          Location: components['headers']['Location'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Candidate'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       *     - `DATE_OF_BIRTH_IN_FUTURE`: Ngày sinh sau ngày hôm nay / Date of birth after today
       *     - `DATE_OF_BIRTH_IMPLAUSIBLE`: Ngày sinh quá 120 năm trước (kiểm tra năm sinh) / Date of birth more than 120 years ago (check the year)
       *     - `DATE_IN_FUTURE`: Ngày của việc đã diễn ra lại sau ngày hôm nay (giờ Việt Nam) / The date of something that happened is after today (Vietnam time)
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'UNIT_NOT_FOUND'
              | 'DATE_OF_BIRTH_IN_FUTURE'
              | 'DATE_OF_BIRTH_IMPLAUSIBLE'
              | 'DATE_IN_FUTURE';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `DUPLICATE_NOMINATION`: Người này đã có hồ sơ đang mở / This person has an open file
       *     - `NOMINATION_REFERRED_UPWARD`: Chưa thể giới thiệu người này tại đơn vị; báo cáo cấp ủy cấp trên / Cannot be nominated at this unit for now; refer it to the upper committee
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS' | 'DUPLICATE_NOMINATION' | 'NOMINATION_REFERRED_UPWARD';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `UNIT_NOT_A_CELL`: Chỉ chi bộ mới đề nghị kết nạp / Only a cell nominates
       *     - `UNIT_RETIRED`: Đơn vị đã giải thể / The unit is retired
       *     - `EDUCATION_BELOW_MINIMUM`: Trình độ học vấn chưa đủ / Education below the minimum
       *     - `READMISSION_ALREADY_USED`: Đã kết nạp lại một lần / Readmission already used
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'UNIT_NOT_A_CELL'
              | 'UNIT_RETIRED'
              | 'EDUCATION_BELOW_MINIMUM'
              | 'READMISSION_ALREADY_USED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  getCandidate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã hồ sơ / Candidate id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Hồ sơ / The candidate */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Candidate'];
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `CANDIDATE_NOT_FOUND`: Không tìm thấy hồ sơ / Candidate not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'CANDIDATE_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  getHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã hồ sơ / Candidate id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Lịch sử / The history */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            candidateId: string;
            items: components['schemas']['HistoryEvent'][];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `CANDIDATE_NOT_FOUND`: Không tìm thấy hồ sơ / Candidate not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'CANDIDATE_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  submitAction: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
        /** @description ETag của lần đọc (phiên bản); nếu đã cũ: 412 VERSION_CONFLICT. Thay cho expectedVersion / The ETag of the read (the version); when stale: 412 VERSION_CONFLICT. Instead of expectedVersion */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        /** @description Mã hồ sơ / Candidate id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          action: string;
          /** @description Phiên bản đã đọc (bắt buộc nếu không gửi If-Match) / The version read (required without If-Match) */
          expectedVersion?: number;
          payload?: unknown;
        };
      };
    };
    responses: {
      /** @description Thao tác đã nhận / The action was accepted */
      202: {
        headers: {
          Location: components['headers']['Location'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            status: 'ACCEPTED';
            candidateId: string;
            submissionId: string;
            action: string;
            fromStage: components['schemas']['Stage'];
            toStage: components['schemas']['Stage'];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `INVALID_HEADER`: Tiêu đề yêu cầu sai dạng / A request header is malformed
       *     - `INVALID_PAYLOAD`: Dữ liệu của thao tác sai dạng / The action's payload is malformed
       *     - `UNKNOWN_ACTION`: Không có thao tác này trong quy trình / No such action
       *     - `DATE_IN_FUTURE`: Ngày của việc đã diễn ra lại sau ngày hôm nay (giờ Việt Nam) / The date of something that happened is after today (Vietnam time)
       *     - `VOTE_RECORD_INCONSISTENT`: Biên bản biểu quyết không khớp / The vote record is inconsistent
       *     - `DATE_OF_BIRTH_AFTER_DATE`: Ngày sinh sau ngày xét / Date of birth after the date
       *     - `DATE_INVALID`: Ngày không tồn tại / The date does not exist
       *     - `LUNAR_DATE_INVALID`: Ngày âm lịch không hợp lệ / Invalid lunar date
       *     - `WORKING_DAYS_COUNT_INVALID`: Số ngày làm việc không hợp lệ / Invalid working days
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'INVALID_HEADER'
              | 'INVALID_PAYLOAD'
              | 'UNKNOWN_ACTION'
              | 'DATE_IN_FUTURE'
              | 'VOTE_RECORD_INCONSISTENT'
              | 'DATE_OF_BIRTH_AFTER_DATE'
              | 'DATE_INVALID'
              | 'LUNAR_DATE_INVALID'
              | 'WORKING_DAYS_COUNT_INVALID';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       *     - `SEPARATION_OF_DUTIES`: Người đề nghị không được quyết định hồ sơ của mình / The nominator may not decide their own nomination
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED' | 'SEPARATION_OF_DUTIES';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `CANDIDATE_NOT_FOUND`: Không tìm thấy hồ sơ / Candidate not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'CANDIDATE_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `VERSION_CONFLICT`: Hồ sơ đã thay đổi (phiên bản khác); hãy tải lại / The resource changed (another version); reload it
       *     - `CONCURRENT_UPDATE`: Có thay đổi đồng thời; hãy thử lại / Concurrent update; retry
       *     - `STEP_ALREADY_DECIDED`: Bước này đã được quyết định / This step was already decided
       *     - `ACTION_NOT_ALLOWED_AT_STAGE`: Thao tác không thuộc bước hiện tại / The action does not belong to the current step
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'REQUEST_IN_PROGRESS'
              | 'VERSION_CONFLICT'
              | 'CONCURRENT_UPDATE'
              | 'STEP_ALREADY_DECIDED'
              | 'ACTION_NOT_ALLOWED_AT_STAGE';
          };
        };
      };
      /**
       * @description Phiên bản If-Match đã cũ / If-Match version is stale
       *     - `VERSION_CONFLICT`: Hồ sơ đã thay đổi (phiên bản khác); hãy tải lại / The resource changed (another version); reload it
       */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'VERSION_CONFLICT';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `POLICY_NOT_IN_FORCE`: Không có quy định hiệu lực ngày đó / No policy in force then
       *     - `AWARENESS_CERTIFICATE_EXPIRED`: Giấy chứng nhận hết hạn / Certificate expired
       *     - `AWARENESS_CERTIFICATE_NOT_YET_ISSUED`: Giấy chứng nhận chưa được cấp / Certificate not yet issued
       *     - `BACKGROUND_RESULT_INCONSISTENT`: Kết quả thẩm tra không khớp / Inconsistent background check
       *     - `BACKGROUND_SUBJECTS_MISSING`: Thiếu đối tượng thẩm tra / Background subjects missing
       *     - `DATE_BEFORE_PREVIOUS_STEP`: Ngày trước bước trước đó / Date before the previous step
       *     - `CEREMONY_BEFORE_DECISION`: Lễ kết nạp trước quyết định / Ceremony before decision
       *     - `CEREMONY_LATE`: Lễ kết nạp quá hạn / The ceremony is late
       *     - `DECISION_DEADLINE_ALREADY_EXTENDED`: Thời hạn quyết định đã được gia hạn một lần / The decision deadline was already extended
       *     - `DECISION_DEADLINE_UNKNOWN`: Chưa có thời hạn quyết định để gia hạn / No decision deadline to extend
       *     - `RECOGNITION_BEFORE_PROBATION_END`: Chi bộ xét công nhận trước khi hết 12 tháng dự bị / The recognition review is before probation ends
       *     - `DOCUMENT_AFTER_MEETING`: Văn bản (10-KNĐ, 11-KNĐ, 12-KNĐ) đề ngày sau cuộc họp / A document (10-KNĐ, 11-KNĐ, 12-KNĐ) is dated after the meeting
       *     - `SPONSORS_COMBINATION_INVALID`: Người giới thiệu không hợp lệ / Invalid sponsors
       *     - `SPONSORS_SAME_MEMBER`: Hai người giới thiệu trùng nhau / The same sponsor twice
       *     - `SPONSOR_NOT_OFFICIAL_MEMBER`: Người giới thiệu chưa là đảng viên chính thức / The sponsor is not a full member
       *     - `SPONSOR_TOGETHER_TOO_SHORT`: Người giới thiệu chưa cùng công tác đủ 12 tháng / The sponsor worked with the candidate too briefly
       *     - `SPONSOR_TRADE_UNION_NOT_MEMBER`: Không là đoàn viên công đoàn / Not a union member
       *     - `SPONSOR_YOUTH_UNION_NOT_MEMBER`: Không là đoàn viên / Not a Youth Union member
       *     - `SPONSOR_YOUTH_UNION_OVER_AGE`: Quá tuổi đoàn / Over the Youth Union age
       *     - `VOTE_RECORD_INCONSISTENT`: Biên bản biểu quyết không khớp / The vote record is inconsistent
       *     - `AGE_BELOW_MINIMUM`: Chưa đủ 18 tuổi / Below the minimum age
       *     - `AGE_ABOVE_MAXIMUM`: Quá tuổi, cần ý kiến cấp trên / Above the maximum age
       *     - `AGE_CONSENT_NOT_PRIOR`: Ý kiến đồng ý phải có trước / The consent must come first
       *     - `READMISSION_TOO_SOON`: Chưa đủ thời gian kết nạp lại / Readmission too soon
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'POLICY_NOT_IN_FORCE'
              | 'AWARENESS_CERTIFICATE_EXPIRED'
              | 'AWARENESS_CERTIFICATE_NOT_YET_ISSUED'
              | 'BACKGROUND_RESULT_INCONSISTENT'
              | 'BACKGROUND_SUBJECTS_MISSING'
              | 'DATE_BEFORE_PREVIOUS_STEP'
              | 'CEREMONY_BEFORE_DECISION'
              | 'CEREMONY_LATE'
              | 'DECISION_DEADLINE_ALREADY_EXTENDED'
              | 'DECISION_DEADLINE_UNKNOWN'
              | 'RECOGNITION_BEFORE_PROBATION_END'
              | 'DOCUMENT_AFTER_MEETING'
              | 'SPONSORS_COMBINATION_INVALID'
              | 'SPONSORS_SAME_MEMBER'
              | 'SPONSOR_NOT_OFFICIAL_MEMBER'
              | 'SPONSOR_TOGETHER_TOO_SHORT'
              | 'SPONSOR_TRADE_UNION_NOT_MEMBER'
              | 'SPONSOR_YOUTH_UNION_NOT_MEMBER'
              | 'SPONSOR_YOUTH_UNION_OVER_AGE'
              | 'VOTE_RECORD_INCONSISTENT'
              | 'AGE_BELOW_MINIMUM'
              | 'AGE_ABOVE_MAXIMUM'
              | 'AGE_CONSENT_NOT_PRIOR'
              | 'READMISSION_TOO_SOON';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  correctCandidate: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
        /** @description ETag của lần đọc (phiên bản); nếu đã cũ: 412 VERSION_CONFLICT. Thay cho expectedVersion / The ETag of the read (the version); when stale: 412 VERSION_CONFLICT. Instead of expectedVersion */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        /** @description Mã hồ sơ / Candidate id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @constant */
          kind: 'REVOKE_ADMISSION';
          reason: string;
          /** Format: date */
          effectiveOn: string;
        };
      };
    };
    responses: {
      /** @description Hồ sơ sau khi sửa / The candidate */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Candidate'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `DATE_IN_FUTURE`: Ngày của việc đã diễn ra lại sau ngày hôm nay (giờ Việt Nam) / The date of something that happened is after today (Vietnam time)
       *     - `INVALID_HEADER`: Tiêu đề yêu cầu sai dạng / A request header is malformed
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'DATE_IN_FUTURE'
              | 'INVALID_HEADER';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `CANDIDATE_NOT_FOUND`: Không tìm thấy hồ sơ / Candidate not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'CANDIDATE_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `CONCURRENT_UPDATE`: Có thay đổi đồng thời; hãy thử lại / Concurrent update; retry
       *     - `CORRECTION_NOT_APPLICABLE`: Chỉ hủy được quyết định của người đã được kết nạp / Only an admitted candidate can be revoked
       *     - `ALREADY_REVOKED`: Quyết định kết nạp đã bị hủy trước đó / Already revoked
       *     - `VERSION_CONFLICT`: Hồ sơ đã thay đổi (phiên bản khác); hãy tải lại / The resource changed (another version); reload it
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'REQUEST_IN_PROGRESS'
              | 'CONCURRENT_UPDATE'
              | 'CORRECTION_NOT_APPLICABLE'
              | 'ALREADY_REVOKED'
              | 'VERSION_CONFLICT';
          };
        };
      };
      /**
       * @description Phiên bản If-Match đã cũ / If-Match version is stale
       *     - `VERSION_CONFLICT`: Hồ sơ đã thay đổi (phiên bản khác); hãy tải lại / The resource changed (another version); reload it
       */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'VERSION_CONFLICT';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  exportAudit: {
    parameters: {
      query: {
        /** @description Mã đơn vị / Unit id */
        unit: string;
        /** @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar) */
        from: string;
        /** @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar) */
        to: string;
        format?: 'json' | 'csv';
        /** @description Số thao tác mỗi trang (1–1000); CSV dài hơn một trang được trả bằng liên kết tải / Events per page (1–1000); a CSV longer than one page is answered with a download link */
        limit?: number;
        /** @description Giá trị nextCursor của trang trước (không tự tạo) / The previous page's nextCursor (opaque) */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Nhật ký / The audit trail */
      200: {
        headers: {
          'Content-Disposition': components['headers']['Content-Disposition'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['AuditPage'] | components['schemas']['AuditExportLink'];
          'text/csv': string;
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `INVALID_CURSOR`: Con trỏ phân trang không hợp lệ / Invalid pagination cursor
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'INVALID_CURSOR' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `AUDIT_EXPORT_TOO_LARGE`: Nhật ký quá lớn cho một lần xuất; chọn khoảng ngày ngắn hơn / The audit export is too large; choose a shorter period
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'AUDIT_EXPORT_TOO_LARGE';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  listQuotaTargets: {
    parameters: {
      query: {
        /** @description Mã đơn vị / Unit id */
        unit: string;
        /** @description Kỳ: 2025-Q1, 2025-H1, 2025, TERM-2020-2025 / Period */
        period?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Chỉ tiêu / The targets */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            unit: string;
            period?: string;
            items: ({
              unitId: string;
              period: string;
              metric: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  saveQuotaTargets: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          unitId: string;
          period: string;
          /** @enum {string} */
          metric: 'NOMINATED' | 'TRAINED' | 'ADMITTED' | 'OFFICIAL';
          issuerId: string;
          issuerName: string;
          /** @enum {string} */
          kind: 'COUNT' | 'SHARE_OF_MEMBERS';
          value: number;
          membersAtStart?: number;
        }[];
      };
    };
    responses: {
      /** @description Đã ghi / Written */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            importId: string;
            count: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       *     - `TARGET_DUPLICATE`: Chỉ tiêu bị lặp / A target is listed twice
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'UNIT_NOT_FOUND'
              | 'TARGET_DUPLICATE';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `QUOTA_IMPORT_TOO_LARGE`: Quá nhiều chỉ tiêu một lần / Too many targets at once
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED' | 'QUOTA_IMPORT_TOO_LARGE';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  importQuotaTargets: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description Đã nhập / Imported */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            importId: string;
            count: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_CSV`: Tệp CSV có dòng sai / The CSV file has invalid rows
       *     - `CSV_MALFORMED`: Tệp CSV sai cấu trúc / The CSV file is malformed
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       *     - `TARGET_DUPLICATE`: Chỉ tiêu bị lặp / A target is listed twice
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_CSV'
              | 'CSV_MALFORMED'
              | 'INVALID_BODY'
              | 'UNIT_NOT_FOUND'
              | 'TARGET_DUPLICATE';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `QUOTA_IMPORT_TOO_LARGE`: Quá nhiều chỉ tiêu một lần / Too many targets at once
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED' | 'QUOTA_IMPORT_TOO_LARGE';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  exportQuotaTargets: {
    parameters: {
      query: {
        /** @description Mã đơn vị / Unit id */
        unit: string;
        /** @description Kỳ: 2025-Q1, 2025-H1, 2025, TERM-2020-2025 / Period */
        period?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tệp CSV / CSV file */
      200: {
        headers: {
          'Content-Disposition': components['headers']['Content-Disposition'];
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  quotaReport: {
    parameters: {
      query: {
        /** @description Mã đơn vị / Unit id */
        unit: string;
        /** @description Kỳ: 2025-Q1, 2025-H1, 2025, TERM-2020-2025 / Period */
        period: string;
        format?: 'json' | 'csv' | 'xlsx';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Báo cáo / The report */
      200: {
        headers: {
          'Content-Disposition': components['headers']['Content-Disposition'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            unitId: string;
            period: string;
            range: {
              /**
               * Format: date
               * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
               */
              from: string;
              /**
               * Format: date
               * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
               */
              to: string;
            } & {
              [key: string]: unknown;
            };
            /**
             * Format: date
             * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
             */
            today: string;
            units: ({
              unitId: string;
              name: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  onboardingTemplate: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'xlsx';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Mẫu nhập / The template */
      200: {
        headers: {
          'Content-Disposition': components['headers']['Content-Disposition'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OnboardingTemplate'];
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  importFilesInProgress: {
    parameters: {
      query?: {
        /** @description Tên tệp, ghi vào lịch sử / The file name, kept in history */
        fileName?: string;
      };
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
      };
    };
    responses: {
      /** @description Kết quả từng dòng / One answer per row */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OnboardingReport'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `CSV_MALFORMED`: Tệp CSV sai cấu trúc / The CSV file is malformed
       *     - `IMPORT_FILE_MALFORMED`: Tệp XLSX không đọc được / The XLSX file cannot be read
       *     - `IMPORT_FILE_NOT_UTF8`: Tệp CSV không mã hóa UTF-8 / The CSV file is not UTF-8
       *     - `IMPORT_EMPTY`: Tệp không có dòng dữ liệu / The file has no data rows
       *     - `IMPORT_UNKNOWN_COLUMN`: Cột không có trong mẫu / A column is not in the template
       *     - `IMPORT_MISSING_COLUMN`: Thiếu cột bắt buộc / A required column is missing
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_QUERY'
              | 'CSV_MALFORMED'
              | 'IMPORT_FILE_MALFORMED'
              | 'IMPORT_FILE_NOT_UTF8'
              | 'IMPORT_EMPTY'
              | 'IMPORT_UNKNOWN_COLUMN'
              | 'IMPORT_MISSING_COLUMN';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       *     - `IMPORT_TOO_MANY_ROWS`: Quá 100 dòng trong một tệp / More than 100 rows in a file
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE' | 'IMPORT_TOO_MANY_ROWS';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  createUnit: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          name: string;
          /** @enum {string} */
          level:
            | 'CITY_COMMITTEE'
            | 'DISTRICT_COMMITTEE'
            | 'BLOC_COMMITTEE'
            | 'WARD_COMMITTEE'
            | 'GRASSROOTS'
            | 'GRASSROOTS_CELL'
            | 'CELL';
          parentId?: string;
          /** Format: date */
          effectiveFrom: string;
          /**
           * @default UPPER_STANDING_COMMITTEE
           * @enum {string}
           */
          decidingBody?: 'UPPER_STANDING_COMMITTEE' | 'DELEGATED_GRASSROOTS_COMMITTEE';
          /** @default [] */
          areas?: ('MOUNTAIN' | 'BORDER' | 'ISLAND' | 'ETHNIC_MINORITY')[];
        };
      };
    };
    responses: {
      /** @description Đơn vị / The unit */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unit'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `UNIT_EXISTS`: Đơn vị đã tồn tại / The unit exists
       *     - `UNIT_LATER_VERSION_EXISTS`: Đơn vị đã có phiên bản từ ngày muộn hơn / The unit has a later version
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS' | 'UNIT_EXISTS' | 'UNIT_LATER_VERSION_EXISTS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `UNIT_LEVEL_NOT_ALLOWED`: Cấp đơn vị không hợp lệ / Unit level not allowed there
       *     - `UNIT_PARENT_REQUIRED`: Cần đơn vị cấp trên / A parent unit is required
       *     - `UNIT_RETIRED`: Đơn vị đã giải thể / The unit is retired
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'UNIT_LEVEL_NOT_ALLOWED'
              | 'UNIT_PARENT_REQUIRED'
              | 'UNIT_RETIRED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  importUnits: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          name: string;
          /** @enum {string} */
          level:
            | 'CITY_COMMITTEE'
            | 'DISTRICT_COMMITTEE'
            | 'BLOC_COMMITTEE'
            | 'WARD_COMMITTEE'
            | 'GRASSROOTS'
            | 'GRASSROOTS_CELL'
            | 'CELL';
          parentId?: string;
          /** Format: date */
          effectiveFrom: string;
          /**
           * @default UPPER_STANDING_COMMITTEE
           * @enum {string}
           */
          decidingBody?: 'UPPER_STANDING_COMMITTEE' | 'DELEGATED_GRASSROOTS_COMMITTEE';
          /** @default [] */
          areas?: ('MOUNTAIN' | 'BORDER' | 'ISLAND' | 'ETHNIC_MINORITY')[];
        }[];
        'text/csv': string;
      };
    };
    responses: {
      /** @description Đã nhập / Imported */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `INVALID_UNIT_IMPORT`: Danh sách đơn vị có dòng sai / The unit list has invalid rows
       *     - `CSV_MALFORMED`: Tệp CSV sai cấu trúc / The CSV file is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'INVALID_UNIT_IMPORT'
              | 'CSV_MALFORMED'
              | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `UNIT_EXISTS`: Đơn vị đã tồn tại / The unit exists
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS' | 'UNIT_EXISTS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `UNIT_IMPORT_TOO_LARGE`: Quá nhiều đơn vị trong một lần / Too many units at once
       *     - `UNIT_LEVEL_NOT_ALLOWED`: Cấp đơn vị không hợp lệ / Unit level not allowed there
       *     - `UNIT_PARENT_REQUIRED`: Cần đơn vị cấp trên / A parent unit is required
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'UNIT_IMPORT_TOO_LARGE'
              | 'UNIT_LEVEL_NOT_ALLOWED'
              | 'UNIT_PARENT_REQUIRED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  getUnit: {
    parameters: {
      query?: {
        /** @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar) */
        on?: string;
      };
      header?: never;
      path: {
        /** @description Mã đơn vị / Unit id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Đơn vị / The unit */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unit'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_PATH' | 'INVALID_QUERY' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  moveUnit: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @description Mã đơn vị / Unit id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          newParentId: string;
          /** Format: date */
          effectiveFrom: string;
        };
      };
    };
    responses: {
      /** @description Đã chuyển / Moved */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            unit: components['schemas']['Unit'];
            unitsRepathed: number;
            candidatesUpdated: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'INVALID_PATH'
              | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `UNIT_LATER_VERSION_EXISTS`: Đơn vị đã có phiên bản từ ngày muộn hơn / The unit has a later version
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS' | 'UNIT_LATER_VERSION_EXISTS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `UNIT_MOVE_CYCLE`: Chuyển đơn vị tạo vòng lặp / The move would create a cycle
       *     - `UNIT_MOVE_CROSSES_LEDGER_LEVEL`: Chuyển đơn vị giữa trực thuộc thẳng cấp ủy trực thuộc Trung ương và cấp dưới / The move takes the unit between directly under a top-level committee and deeper
       *     - `UNIT_MOVE_IN_FUTURE`: Không chuyển đơn vị từ ngày tương lai / Move date in the future
       *     - `UNIT_LEVEL_NOT_ALLOWED`: Cấp đơn vị không hợp lệ / Unit level not allowed there
       *     - `UNIT_RETIRED`: Đơn vị đã giải thể / The unit is retired
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'UNIT_MOVE_CYCLE'
              | 'UNIT_MOVE_CROSSES_LEDGER_LEVEL'
              | 'UNIT_MOVE_IN_FUTURE'
              | 'UNIT_LEVEL_NOT_ALLOWED'
              | 'UNIT_RETIRED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  retireUnit: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @description Mã đơn vị / Unit id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date */
          retiredOn: string;
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Đã giải thể / Retired */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unit'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'INVALID_PATH'
              | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `UNIT_LATER_VERSION_EXISTS`: Đơn vị đã có phiên bản từ ngày muộn hơn / The unit has a later version
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS' | 'UNIT_LATER_VERSION_EXISTS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `UNIT_HAS_CHILDREN`: Đơn vị còn đơn vị trực thuộc / The unit has children
       *     - `UNIT_HAS_OPEN_FILES`: Đơn vị còn hồ sơ đang mở / The unit has open files
       *     - `UNIT_RETIRED`: Đơn vị đã giải thể / The unit is retired
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'UNIT_HAS_CHILDREN'
              | 'UNIT_HAS_OPEN_FILES'
              | 'UNIT_RETIRED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  approvalPage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã phê duyệt đã ký (trong liên kết) / Signed approval id */
        approvalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Trang HTML / HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
    };
  };
  approvalDetails: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã phê duyệt đã ký (trong liên kết) / Signed approval id */
        approvalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Chi tiết / The details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            candidate: {
              id: string;
              fullName: string;
              unitId: string;
            } & {
              [key: string]: unknown;
            };
            stage: components['schemas']['Stage'];
            stageLabel: string;
            stageLabelEn: string;
            /** @description Thời điểm ISO 8601 / ISO 8601 instant */
            linkExpiresAt: string;
            dossier: {
              [key: string]: unknown;
            };
            documents: ({
              code: string;
              present: boolean;
            } & {
              [key: string]: unknown;
            })[];
            decision?: {
              decision: string;
              /** @description Thời điểm ISO 8601 / ISO 8601 instant */
              decidedAt: string;
            } & {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `APPROVAL_LINK_INVALID`: Liên kết phê duyệt không hợp lệ / Invalid approval link
       *     - `APPROVAL_LINK_OTHER_USER`: Liên kết gửi cho người khác / The link was sent to someone else
       *     - `CANDIDATE_NOT_FOUND`: Không tìm thấy hồ sơ / Candidate not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'APPROVAL_LINK_INVALID' | 'APPROVAL_LINK_OTHER_USER' | 'CANDIDATE_NOT_FOUND';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `APPROVAL_LINK_EXPIRED`: Liên kết phê duyệt đã hết hạn / The approval link expired
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'APPROVAL_LINK_EXPIRED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  decideApproval: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @description Mã phê duyệt đã ký (trong liên kết) / Signed approval id */
        approvalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              /** @constant */
              decision: 'APPROVE';
              decisionNumber: string;
              /** Format: date */
              decisionDate: string;
            }
          | {
              /** @constant */
              decision: 'REJECT';
              decisionNumber?: string;
              /** Format: date */
              decisionDate: string;
              reason: string;
            }
          | {
              /** @constant */
              decision: 'REQUEST_INFO';
              /** Format: date */
              decisionDate?: string;
              reason: string;
            };
      };
    };
    responses: {
      /** @description Đã ghi / Recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            decision: {
              /** @enum {string} */
              decision: 'APPROVE' | 'REJECT' | 'REQUEST_INFO';
              /** @description Thời điểm ISO 8601 / ISO 8601 instant */
              decidedAt: string;
            } & {
              [key: string]: unknown;
            };
            candidateId: string;
            resultingVersion: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `INVALID_PAYLOAD`: Dữ liệu của thao tác sai dạng / The action's payload is malformed
       *     - `DATE_IN_FUTURE`: Ngày của việc đã diễn ra lại sau ngày hôm nay (giờ Việt Nam) / The date of something that happened is after today (Vietnam time)
       *     - `VOTE_RECORD_INCONSISTENT`: Biên bản biểu quyết không khớp / The vote record is inconsistent
       *     - `DATE_OF_BIRTH_AFTER_DATE`: Ngày sinh sau ngày xét / Date of birth after the date
       *     - `DATE_INVALID`: Ngày không tồn tại / The date does not exist
       *     - `LUNAR_DATE_INVALID`: Ngày âm lịch không hợp lệ / Invalid lunar date
       *     - `WORKING_DAYS_COUNT_INVALID`: Số ngày làm việc không hợp lệ / Invalid working days
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'INVALID_PAYLOAD'
              | 'DATE_IN_FUTURE'
              | 'VOTE_RECORD_INCONSISTENT'
              | 'DATE_OF_BIRTH_AFTER_DATE'
              | 'DATE_INVALID'
              | 'LUNAR_DATE_INVALID'
              | 'WORKING_DAYS_COUNT_INVALID';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       *     - `SEPARATION_OF_DUTIES`: Người đề nghị không được quyết định hồ sơ của mình / The nominator may not decide their own nomination
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED' | 'SEPARATION_OF_DUTIES';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `APPROVAL_LINK_INVALID`: Liên kết phê duyệt không hợp lệ / Invalid approval link
       *     - `APPROVAL_LINK_OTHER_USER`: Liên kết gửi cho người khác / The link was sent to someone else
       *     - `CANDIDATE_NOT_FOUND`: Không tìm thấy hồ sơ / Candidate not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'APPROVAL_LINK_INVALID' | 'APPROVAL_LINK_OTHER_USER' | 'CANDIDATE_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `APPROVAL_ALREADY_DECIDED`: Đã quyết định qua liên kết này (`details.decision`) / Already decided through this link (`details.decision`)
       *     - `APPROVAL_STEP_NOT_PENDING`: Bước phê duyệt không còn chờ / The step is not pending
       *     - `VERSION_CONFLICT`: Hồ sơ đã thay đổi (phiên bản khác); hãy tải lại / The resource changed (another version); reload it
       *     - `CONCURRENT_UPDATE`: Có thay đổi đồng thời; hãy thử lại / Concurrent update; retry
       *     - `STEP_ALREADY_DECIDED`: Bước này đã được quyết định / This step was already decided
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'REQUEST_IN_PROGRESS'
              | 'APPROVAL_ALREADY_DECIDED'
              | 'APPROVAL_STEP_NOT_PENDING'
              | 'VERSION_CONFLICT'
              | 'CONCURRENT_UPDATE'
              | 'STEP_ALREADY_DECIDED';
          };
        };
      };
      /**
       * @description Phiên bản If-Match đã cũ / If-Match version is stale
       *     - `VERSION_CONFLICT`: Hồ sơ đã thay đổi (phiên bản khác); hãy tải lại / The resource changed (another version); reload it
       */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'VERSION_CONFLICT';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `APPROVAL_LINK_EXPIRED`: Liên kết phê duyệt đã hết hạn / The approval link expired
       *     - `POLICY_NOT_IN_FORCE`: Không có quy định hiệu lực ngày đó / No policy in force then
       *     - `AWARENESS_CERTIFICATE_EXPIRED`: Giấy chứng nhận hết hạn / Certificate expired
       *     - `AWARENESS_CERTIFICATE_NOT_YET_ISSUED`: Giấy chứng nhận chưa được cấp / Certificate not yet issued
       *     - `BACKGROUND_RESULT_INCONSISTENT`: Kết quả thẩm tra không khớp / Inconsistent background check
       *     - `BACKGROUND_SUBJECTS_MISSING`: Thiếu đối tượng thẩm tra / Background subjects missing
       *     - `DATE_BEFORE_PREVIOUS_STEP`: Ngày trước bước trước đó / Date before the previous step
       *     - `CEREMONY_BEFORE_DECISION`: Lễ kết nạp trước quyết định / Ceremony before decision
       *     - `CEREMONY_LATE`: Lễ kết nạp quá hạn / The ceremony is late
       *     - `DECISION_DEADLINE_ALREADY_EXTENDED`: Thời hạn quyết định đã được gia hạn một lần / The decision deadline was already extended
       *     - `DECISION_DEADLINE_UNKNOWN`: Chưa có thời hạn quyết định để gia hạn / No decision deadline to extend
       *     - `RECOGNITION_BEFORE_PROBATION_END`: Chi bộ xét công nhận trước khi hết 12 tháng dự bị / The recognition review is before probation ends
       *     - `DOCUMENT_AFTER_MEETING`: Văn bản (10-KNĐ, 11-KNĐ, 12-KNĐ) đề ngày sau cuộc họp / A document (10-KNĐ, 11-KNĐ, 12-KNĐ) is dated after the meeting
       *     - `SPONSORS_COMBINATION_INVALID`: Người giới thiệu không hợp lệ / Invalid sponsors
       *     - `SPONSORS_SAME_MEMBER`: Hai người giới thiệu trùng nhau / The same sponsor twice
       *     - `SPONSOR_NOT_OFFICIAL_MEMBER`: Người giới thiệu chưa là đảng viên chính thức / The sponsor is not a full member
       *     - `SPONSOR_TOGETHER_TOO_SHORT`: Người giới thiệu chưa cùng công tác đủ 12 tháng / The sponsor worked with the candidate too briefly
       *     - `SPONSOR_TRADE_UNION_NOT_MEMBER`: Không là đoàn viên công đoàn / Not a union member
       *     - `SPONSOR_YOUTH_UNION_NOT_MEMBER`: Không là đoàn viên / Not a Youth Union member
       *     - `SPONSOR_YOUTH_UNION_OVER_AGE`: Quá tuổi đoàn / Over the Youth Union age
       *     - `VOTE_RECORD_INCONSISTENT`: Biên bản biểu quyết không khớp / The vote record is inconsistent
       *     - `AGE_BELOW_MINIMUM`: Chưa đủ 18 tuổi / Below the minimum age
       *     - `AGE_ABOVE_MAXIMUM`: Quá tuổi, cần ý kiến cấp trên / Above the maximum age
       *     - `AGE_CONSENT_NOT_PRIOR`: Ý kiến đồng ý phải có trước / The consent must come first
       *     - `READMISSION_TOO_SOON`: Chưa đủ thời gian kết nạp lại / Readmission too soon
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'APPROVAL_LINK_EXPIRED'
              | 'POLICY_NOT_IN_FORCE'
              | 'AWARENESS_CERTIFICATE_EXPIRED'
              | 'AWARENESS_CERTIFICATE_NOT_YET_ISSUED'
              | 'BACKGROUND_RESULT_INCONSISTENT'
              | 'BACKGROUND_SUBJECTS_MISSING'
              | 'DATE_BEFORE_PREVIOUS_STEP'
              | 'CEREMONY_BEFORE_DECISION'
              | 'CEREMONY_LATE'
              | 'DECISION_DEADLINE_ALREADY_EXTENDED'
              | 'DECISION_DEADLINE_UNKNOWN'
              | 'RECOGNITION_BEFORE_PROBATION_END'
              | 'DOCUMENT_AFTER_MEETING'
              | 'SPONSORS_COMBINATION_INVALID'
              | 'SPONSORS_SAME_MEMBER'
              | 'SPONSOR_NOT_OFFICIAL_MEMBER'
              | 'SPONSOR_TOGETHER_TOO_SHORT'
              | 'SPONSOR_TRADE_UNION_NOT_MEMBER'
              | 'SPONSOR_YOUTH_UNION_NOT_MEMBER'
              | 'SPONSOR_YOUTH_UNION_OVER_AGE'
              | 'VOTE_RECORD_INCONSISTENT'
              | 'AGE_BELOW_MINIMUM'
              | 'AGE_ABOVE_MAXIMUM'
              | 'AGE_CONSENT_NOT_PRIOR'
              | 'READMISSION_TOO_SOON';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  listTasks: {
    parameters: {
      query?: {
        /** @description Chỉ các bước đã quá hạn (hạn trước hôm nay) / Only steps past due (due before today) */
        overdue?: 'true' | 'false';
        /** @description Chỉ các bước có hạn trước ngày này / Only steps due before this day */
        dueBefore?: string;
        /** @description Tìm theo tên, không phân biệt dấu và hoa thường ("Nguyen Van" tìm thấy "Nguyễn Văn") / Name search, accent- and case-insensitive */
        q?: string;
        /** @description Số mục mỗi trang (1–100) / Items per page (1–100) */
        limit?: number;
        /** @description Giá trị nextCursor của trang trước (không tự tạo) / The previous page's nextCursor (opaque) */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Một trang việc / A page of tasks */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CandidatePage'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `INVALID_CURSOR`: Con trỏ phân trang không hợp lệ / Invalid pagination cursor
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'INVALID_CURSOR';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  bulkActions: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          items: {
            candidateId: string;
            action: string;
            expectedVersion?: number;
            payload?: unknown;
          }[];
        };
      };
    };
    responses: {
      /** @description Kết quả từng hồ sơ / One result per candidate */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            results: (
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'APPLIED';
                  accepted: {
                    candidateId: string;
                    submissionId: string;
                    action: string;
                    fromStage: components['schemas']['Stage'];
                    outcome: string;
                    toStage: components['schemas']['Stage'];
                    resultingVersion: number;
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'REFUSED';
                  /** @description Mã HTTP nếu gửi riêng / The status it would have alone */
                  httpStatus: number;
                  error: {
                    code: string;
                    message: string;
                    message_en: string;
                    field?: string;
                    details?: {
                      [key: string]: unknown;
                    };
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'SKIPPED';
                  reason: {
                    code: string;
                    message: string;
                    message_en: string;
                    field?: string;
                    details?: {
                      [key: string]: unknown;
                    };
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
            )[];
            summary: {
              total: number;
              applied: number;
              refused: number;
              skipped: number;
            } & {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `DUPLICATE_CANDIDATE`: Một hồ sơ xuất hiện hai lần / A candidate is listed twice
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'DUPLICATE_CANDIDATE';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       *     - `BULK_TOO_LARGE`: Quá 100 hồ sơ trong một yêu cầu / More than 100 candidates at once
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE' | 'BULK_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  listClasses: {
    parameters: {
      query?: {
        /** @description Mã đơn vị / Unit id */
        organiser?: string;
        /** @description Số mục mỗi trang (1–100) / Items per page (1–100) */
        limit?: number;
        /** @description Giá trị nextCursor của trang trước (không tự tạo) / The previous page's nextCursor (opaque) */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Một trang lớp / A page of classes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: ({
              id: string;
              name: string;
              organiserUnitId: string;
              organiserPath: string[];
              /**
               * Format: date
               * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
               */
              startsOn: string;
              /**
               * Format: date
               * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
               */
              endsOn: string;
              capacity: number;
              location: string;
              /** @description Số đã ghi danh / Seats taken */
              enrolled: number;
              /** @description Thời điểm ISO 8601 / ISO 8601 instant */
              createdAt: string;
            } & {
              [key: string]: unknown;
            })[];
            nextCursor?: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `INVALID_CURSOR`: Con trỏ phân trang không hợp lệ / Invalid pagination cursor
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'INVALID_CURSOR' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  createClass: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          organiserUnitId: string;
          /** Format: date */
          startsOn: string;
          /** Format: date */
          endsOn: string;
          capacity: number;
          location: string;
        };
      };
    };
    responses: {
      /** @description Lớp đã mở / The class */
      201: {
        headers: {
          Location: components['headers']['Location'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            organiserUnitId: string;
            organiserPath: string[];
            /**
             * Format: date
             * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
             */
            startsOn: string;
            /**
             * Format: date
             * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
             */
            endsOn: string;
            capacity: number;
            location: string;
            /** @description Số đã ghi danh / Seats taken */
            enrolled: number;
            /** @description Thời điểm ISO 8601 / ISO 8601 instant */
            createdAt: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  getClass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã lớp bồi dưỡng / Awareness class id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Lớp / The class */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            organiserUnitId: string;
            organiserPath: string[];
            /**
             * Format: date
             * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
             */
            startsOn: string;
            /**
             * Format: date
             * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
             */
            endsOn: string;
            capacity: number;
            location: string;
            /** @description Số đã ghi danh / Seats taken */
            enrolled: number;
            /** @description Thời điểm ISO 8601 / ISO 8601 instant */
            createdAt: string;
            /** @enum {string} */
            status: 'PLANNED' | 'IN_PROGRESS' | 'ENDED' | 'RESULTS_RECORDED';
            figures: {
              enrolled: number;
              passed: number;
              failed: number;
              absent: number;
              awaitingResult: number;
              /** @description Đạt/ghi danh, như báo cáo viết ("26/37") / Passed/enrolled ("26/37") */
              passedOfEnrolled: string;
            } & {
              [key: string]: unknown;
            };
            seats: ({
              candidateId: string;
              fullName: string;
              unitId: string;
              /** @description Thời điểm ISO 8601 / ISO 8601 instant */
              enrolledAt: string;
              /** @enum {string} */
              result?: 'PASSED' | 'FAILED' | 'ABSENT';
              certificateNumber?: string;
              /**
               * Format: date
               * @description Ngày (YYYY-MM-DD, lịch Việt Nam) / Date (YYYY-MM-DD, Vietnam calendar)
               */
              issuedOn?: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_PATH';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `CLASS_NOT_FOUND`: Không tìm thấy lớp bồi dưỡng / Awareness class not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'CLASS_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  enrolInClass: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @description Mã lớp bồi dưỡng / Awareness class id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          candidateIds: string[];
        };
      };
    };
    responses: {
      /** @description Kết quả từng hồ sơ / One result per candidate */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            results: (
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'APPLIED';
                  accepted: {
                    candidateId: string;
                    submissionId: string;
                    action: string;
                    fromStage: components['schemas']['Stage'];
                    outcome: string;
                    toStage: components['schemas']['Stage'];
                    resultingVersion: number;
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'REFUSED';
                  /** @description Mã HTTP nếu gửi riêng / The status it would have alone */
                  httpStatus: number;
                  error: {
                    code: string;
                    message: string;
                    message_en: string;
                    field?: string;
                    details?: {
                      [key: string]: unknown;
                    };
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'SKIPPED';
                  reason: {
                    code: string;
                    message: string;
                    message_en: string;
                    field?: string;
                    details?: {
                      [key: string]: unknown;
                    };
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
            )[];
            summary: {
              total: number;
              applied: number;
              refused: number;
              skipped: number;
            } & {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `DUPLICATE_CANDIDATE`: Một hồ sơ xuất hiện hai lần / A candidate is listed twice
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'DUPLICATE_CANDIDATE'
              | 'INVALID_PATH';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `CLASS_NOT_FOUND`: Không tìm thấy lớp bồi dưỡng / Awareness class not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'CLASS_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       *     - `BULK_TOO_LARGE`: Quá 100 hồ sơ trong một yêu cầu / More than 100 candidates at once
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE' | 'BULK_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  recordClassResults: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @description Mã lớp bồi dưỡng / Awareness class id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date */
          issuedOn?: string;
          results: (
            | {
                candidateId: string;
                /** @constant */
                result: 'PASSED';
                certificateNumber: string;
                /** Format: date */
                issuedOn?: string;
              }
            | {
                candidateId: string;
                /** @enum {string} */
                result: 'FAILED' | 'ABSENT';
              }
          )[];
        };
      };
    };
    responses: {
      /** @description Kết quả từng hồ sơ / One result per candidate */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            results: (
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'APPLIED';
                  accepted: {
                    candidateId: string;
                    submissionId: string;
                    action: string;
                    fromStage: components['schemas']['Stage'];
                    outcome: string;
                    toStage: components['schemas']['Stage'];
                    resultingVersion: number;
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'REFUSED';
                  /** @description Mã HTTP nếu gửi riêng / The status it would have alone */
                  httpStatus: number;
                  error: {
                    code: string;
                    message: string;
                    message_en: string;
                    field?: string;
                    details?: {
                      [key: string]: unknown;
                    };
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
              | ({
                  candidateId: string;
                  /** @constant */
                  status: 'SKIPPED';
                  reason: {
                    code: string;
                    message: string;
                    message_en: string;
                    field?: string;
                    details?: {
                      [key: string]: unknown;
                    };
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
            )[];
            summary: {
              total: number;
              applied: number;
              refused: number;
              skipped: number;
            } & {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `DUPLICATE_CANDIDATE`: Một hồ sơ xuất hiện hai lần / A candidate is listed twice
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'DUPLICATE_CANDIDATE'
              | 'INVALID_PATH';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `CLASS_NOT_FOUND`: Không tìm thấy lớp bồi dưỡng / Awareness class not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'CLASS_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       *     - `BULK_TOO_LARGE`: Quá 100 hồ sơ trong một yêu cầu / More than 100 candidates at once
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE' | 'BULK_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  listAccounts: {
    parameters: {
      query?: {
        /** @description Đơn vị (mặc định: đơn vị của người gọi) / Unit (default: the caller's unit) */
        unit?: string;
        role?: 'cell-officer' | 'committee-officer' | 'approver' | 'admin' | 'ops-viewer';
        /** @description Số mục mỗi trang (1–100) / Items per page (1–100) */
        limit?: number;
        /** @description Giá trị nextCursor của trang trước (không tự tạo) / The previous page's nextCursor (opaque) */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Một trang tài khoản / A page of accounts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            unit: string;
            items: components['schemas']['Account'][];
            nextCursor?: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `INVALID_CURSOR`: Con trỏ phân trang không hợp lệ / Invalid pagination cursor
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'INVALID_CURSOR' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `UNIT_RETIRED`: Đơn vị đã giải thể / The unit is retired
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_RETIRED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  createAccount: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: email
           * @description Thư điện tử nhận lời mời / Invitation e-mail
           */
          email: string;
          /** @description Họ và tên / Full name */
          name: string;
          /** @description Đơn vị công tác / Unit */
          unitId: string;
          /** @description Vai trò (nhóm Cognito) / Roles (Cognito groups) */
          roles: ('cell-officer' | 'committee-officer' | 'approver' | 'admin' | 'ops-viewer')[];
          /** @description Tên đăng nhập (mặc định: thư điện tử) / Username (default: the e-mail address) */
          username?: string;
          /**
           * @description Nhận bản tin "Việc cần làm hôm nay" (mặc định: có) / Receive the daily digest (default: yes)
           * @default true
           */
          digest?: boolean;
        };
      };
    };
    responses: {
      /** @description Tài khoản đã tạo / The account was created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Account'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       *     - `ROLE_ABOVE_OWN`: Không cấp vai trò cao hơn của mình / No role above your own may be granted
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED' | 'ROLE_ABOVE_OWN';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `ACCOUNT_EMAIL_TAKEN`: Thư điện tử đã gắn với tài khoản khác / The e-mail belongs to another account
       *     - `ACCOUNT_USERNAME_TAKEN`: Tên đăng nhập đã có người dùng / The username is taken
       *     - `CONCURRENT_UPDATE`: Có thay đổi đồng thời; hãy thử lại / Concurrent update; retry
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'REQUEST_IN_PROGRESS'
              | 'ACCOUNT_EMAIL_TAKEN'
              | 'ACCOUNT_USERNAME_TAKEN'
              | 'CONCURRENT_UPDATE';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `UNIT_RETIRED`: Đơn vị đã giải thể / The unit is retired
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'IDEMPOTENCY_KEY_REUSED' | 'UNIT_RETIRED';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  getAccount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Mã tài khoản (sub) / Account id (sub) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tài khoản / The account */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Account'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_PATH';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `ACCOUNT_NOT_FOUND`: Không tìm thấy tài khoản / Account not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ACCOUNT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  changeAccount: {
    parameters: {
      query?: never;
      header: {
        /** @description Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED) / One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED) */
        'Idempotency-Key': components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @description Mã tài khoản (sub) / Account id (sub) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Vai trò (nhóm Cognito) / Roles (Cognito groups) */
          roles?: ('cell-officer' | 'committee-officer' | 'approver' | 'admin' | 'ops-viewer')[];
          /** @description Chuyển sang đơn vị / Move to unit */
          unitId?: string;
          /** @description false: khóa tài khoản; true: mở lại / false disables, true re-enables */
          enabled?: boolean;
          digest?: boolean;
          /** @description Người thay thế khi đây là người quyết định cuối cùng của đơn vị (nhận các hồ sơ đang chờ) / The replacement when this is the last approver of the unit (takes over pending decisions) */
          replacementUserId?: string;
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Tài khoản sau thay đổi / The account */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Account'];
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `MISSING_IDEMPOTENCY_KEY`: Thiếu Idempotency-Key / The Idempotency-Key is missing
       *     - `INVALID_IDEMPOTENCY_KEY`: Idempotency-Key sai dạng / The Idempotency-Key is malformed
       *     - `MISSING_BODY`: Thiếu nội dung yêu cầu / The request has no body
       *     - `UNSUPPORTED_CONTENT_TYPE`: Sai kiểu nội dung / Unsupported content type
       *     - `INVALID_UTF8`: Nội dung không phải văn bản UTF-8 / The body is not valid UTF-8
       *     - `INVALID_JSON`: Nội dung không phải JSON hợp lệ / The body is not valid JSON
       *     - `INVALID_BODY`: Nội dung yêu cầu sai dạng (trường `field`) / The body is malformed
       *     - `INVALID_PATH`: Tham số đường dẫn sai dạng / A path parameter is malformed
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'MISSING_IDEMPOTENCY_KEY'
              | 'INVALID_IDEMPOTENCY_KEY'
              | 'MISSING_BODY'
              | 'UNSUPPORTED_CONTENT_TYPE'
              | 'INVALID_UTF8'
              | 'INVALID_JSON'
              | 'INVALID_BODY'
              | 'INVALID_PATH'
              | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Không được phép / Forbidden
       *     - `ROLE_NOT_ALLOWED`: Vai trò không được làm việc này / The role may not do this
       *     - `ROLE_ABOVE_OWN`: Không cấp vai trò cao hơn của mình / No role above your own may be granted
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ROLE_NOT_ALLOWED' | 'ROLE_ABOVE_OWN';
          };
        };
      };
      /**
       * @description Không tìm thấy / Not found
       *     - `ACCOUNT_NOT_FOUND`: Không tìm thấy tài khoản / Account not found
       *     - `UNIT_NOT_FOUND`: Không tìm thấy đơn vị / Unit not found
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'ACCOUNT_NOT_FOUND' | 'UNIT_NOT_FOUND';
          };
        };
      };
      /**
       * @description Xung đột trạng thái / Conflict
       *     - `REQUEST_IN_PROGRESS`: Yêu cầu cùng Idempotency-Key đang xử lý / A request with this key is in progress
       *     - `CONCURRENT_UPDATE`: Có thay đổi đồng thời; hãy thử lại / Concurrent update; retry
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'REQUEST_IN_PROGRESS' | 'CONCURRENT_UPDATE';
          };
        };
      };
      /**
       * @description Nội dung quá lớn / Payload too large
       *     - `PAYLOAD_TOO_LARGE`: Nội dung quá lớn (tối đa 64 KB) / The body is too large (64 KB)
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'PAYLOAD_TOO_LARGE';
          };
        };
      };
      /**
       * @description Quy định không cho phép / A rule forbids it
       *     - `IDEMPOTENCY_KEY_REUSED`: Idempotency-Key đã dùng cho một yêu cầu khác / The Idempotency-Key was used for a different request
       *     - `ACCOUNT_SELF_CHANGE`: Không tự khóa, hạ quyền hay chuyển chính mình / No disabling, demoting or moving oneself
       *     - `UNIT_RETIRED`: Đơn vị đã giải thể / The unit is retired
       *     - `LAST_APPROVER`: Người quyết định cuối cùng của đơn vị còn hồ sơ chờ; cần người thay thế / The last approver of a unit with pending files; name a replacement
       *     - `REPLACEMENT_INVALID`: Người thay thế không hợp lệ / The replacement is not valid
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?:
              | 'IDEMPOTENCY_KEY_REUSED'
              | 'ACCOUNT_SELF_CHANGE'
              | 'UNIT_RETIRED'
              | 'LAST_APPROVER'
              | 'REPLACEMENT_INVALID';
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       *     - `CONTENTION`: Hồ sơ đang được cập nhật đồng thời; gửi lại sau Retry-After với cùng Idempotency-Key / Records busy with concurrent updates; resend after Retry-After with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE' | 'CONTENTION';
          };
        };
      };
    };
  };
  myDeliveries: {
    parameters: {
      query?: {
        /** @description Số mục mỗi trang (1–100) / Items per page (1–100) */
        limit?: number;
        /** @description Giá trị nextCursor của trang trước (không tự tạo) / The previous page's nextCursor (opaque) */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Một trang thư đã gửi / A page of deliveries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: ({
              deliveryId: string;
              /** @description Thời điểm ISO 8601 / ISO 8601 instant */
              sentAt: string;
              /** @constant */
              channel: 'EMAIL';
              kind: string;
              subject: string;
              /** @enum {string} */
              status: 'SENT' | 'SUPPRESSED';
              link?: string;
              candidateId?: string;
            } & {
              [key: string]: unknown;
            })[];
            nextCursor?: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Yêu cầu sai dạng / Malformed request
       *     - `INVALID_QUERY`: Tham số truy vấn sai dạng / A query parameter is malformed
       *     - `INVALID_CURSOR`: Con trỏ phân trang không hợp lệ / Invalid pagination cursor
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INVALID_QUERY' | 'INVALID_CURSOR';
          };
        };
      };
      /**
       * @description Chưa đăng nhập / Not authenticated
       *     - `UNAUTHENTICATED`: Cần đăng nhập (JWT của cán bộ) / An officer's JWT is required
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | (components['schemas']['Error'] & {
                /** @enum {unknown} */
                code?: 'UNAUTHENTICATED';
              })
            | components['schemas']['GatewayError'];
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
      /**
       * @description Tạm thời không phục vụ; thử lại / Unavailable; retry
       *     - `SERVICE_UNAVAILABLE`: Hệ thống bận; thử lại với cùng Idempotency-Key / Busy; retry with the same key
       */
      503: {
        headers: {
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'SERVICE_UNAVAILABLE';
          };
        };
      };
    };
  };
  openApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tài liệu OpenAPI / The OpenAPI document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            openapi: string;
            info: {
              title: string;
              version: string;
            } & {
              [key: string]: unknown;
            };
            paths: {
              [key: string]: {
                [key: string]: unknown;
              };
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
    };
  };
  apiDocsPage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Trang HTML / HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /**
       * @description Lỗi hệ thống / Internal error
       *     - `INTERNAL_ERROR`: Lỗi hệ thống (đã ghi lại) / Internal error (logged)
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'] & {
            /** @enum {unknown} */
            code?: 'INTERNAL_ERROR';
          };
        };
      };
    };
  };
}
