import type { Bilingual } from './contract-forms';

/**
 * What the values the contract's enums allow are called, Vietnamese first. The keys are the
 * values themselves; test/unit/console/schema-form.test.ts fails while a value of the contract
 * has no label here.
 */
export const VALUE_LABELS: Readonly<Record<string, Bilingual>> = {
  // Nomination.
  YOUTH_UNION: { vi: 'Đoàn Thanh niên giới thiệu', en: 'Youth Union' },
  TRADE_UNION: { vi: 'Công đoàn giới thiệu', en: 'Trade Union' },
  CELL: { vi: 'Chi bộ trực tiếp phát hiện', en: 'The cell itself' },
  NONE: { vi: 'Chưa có bằng', en: 'No diploma' },
  PRIMARY: { vi: 'Tiểu học', en: 'Primary school' },
  LOWER_SECONDARY: { vi: 'Trung học cơ sở', en: 'Lower-secondary school' },
  UPPER_SECONDARY: { vi: 'Trung học phổ thông', en: 'Upper-secondary school' },
  TERTIARY: { vi: 'Cao đẳng, đại học', en: 'College or university' },
  // Results and decisions.
  PASSED: { vi: 'Đạt', en: 'Passed' },
  FAILED: { vi: 'Không đạt', en: 'Failed' },
  ABSENT: { vi: 'Vắng mặt', en: 'Absent' },
  CLEARED: { vi: 'Đủ điều kiện', en: 'Cleared' },
  NOT_CLEARED: { vi: 'Không đủ điều kiện', en: 'Not cleared' },
  APPROVE: { vi: 'Đồng ý kết nạp', en: 'Approve' },
  REJECT: { vi: 'Không đồng ý', en: 'Reject' },
  REQUEST_INFO: { vi: 'Yêu cầu bổ sung', en: 'Request information' },
  RECOGNISE: { vi: 'Công nhận đảng viên chính thức', en: 'Recognise as official member' },
  REMOVE: { vi: 'Xóa tên', en: 'Remove from the rolls' },
  // People verified and sponsors.
  CANDIDATE: { vi: 'Bản thân quần chúng', en: 'The candidate' },
  FATHER: { vi: 'Cha', en: 'Father' },
  MOTHER: { vi: 'Mẹ', en: 'Mother' },
  GUARDIAN: { vi: 'Người trực tiếp nuôi dưỡng', en: 'Guardian' },
  FATHER_IN_LAW: { vi: 'Cha vợ/chồng', en: 'Father-in-law' },
  MOTHER_IN_LAW: { vi: 'Mẹ vợ/chồng', en: 'Mother-in-law' },
  SPOUSE: { vi: 'Vợ hoặc chồng', en: 'Spouse' },
  ADULT_CHILD: { vi: 'Con đã trưởng thành', en: 'Adult child' },
  MEMBER: { vi: 'Đảng viên chính thức', en: 'Official member' },
  YOUTH_UNION_RESOLUTION: { vi: 'Nghị quyết của BCH Đoàn', en: 'Youth Union resolution' },
  TRADE_UNION_RESOLUTION: { vi: 'Nghị quyết của BCH Công đoàn', en: 'Trade Union resolution' },
  // Withdrawal.
  CANDIDATE_REQUEST: { vi: 'Quần chúng xin rút', en: "The candidate's request" },
  MOVED_AWAY: { vi: 'Chuyển nơi cư trú/công tác', en: 'Moved away' },
  LEFT_ENTERPRISE: { vi: 'Nghỉ việc tại đơn vị', en: 'Left the enterprise' },
  OTHER: { vi: 'Lý do khác', en: 'Other' },
};

/** Fields of the console's forms that the onboarding template has no column for. */
export const EXTRA_FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  organiserUnitId: { vi: 'Mã đơn vị tổ chức lớp', en: 'Organising unit id' },
  startsOn: { vi: 'Ngày khai giảng', en: 'Starts on' },
  endsOn: { vi: 'Ngày kết thúc', en: 'Ends on' },
  capacity: { vi: 'Số chỗ', en: 'Seats' },
  location: { vi: 'Địa điểm', en: 'Location' },
  note: { vi: 'Ghi chú', en: 'Note' },
  effectiveOn: { vi: 'Có hiệu lực từ ngày', en: 'Effective on' },
  results: { vi: 'Kết quả', en: 'Results' },
  candidateId: { vi: 'Mã hồ sơ', en: 'Candidate id' },
};

/**
 * The units admin's forms (POST /units, moves, retirement): `name` is a unit's name there, not a
 * person's, and CELL a level of the tree, not who nominated; these win over the labels above.
 */
export const UNIT_FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  id: { vi: 'Mã đơn vị', en: 'Unit id' },
  name: { vi: 'Tên đơn vị', en: 'Unit name' },
  level: { vi: 'Cấp đơn vị', en: 'Level' },
  parentId: { vi: 'Mã đơn vị cấp trên', en: 'Parent unit id' },
  newParentId: { vi: 'Mã đơn vị cấp trên mới', en: 'New parent unit id' },
  effectiveFrom: { vi: 'Có hiệu lực từ ngày', en: 'In force from' },
  decidingBody: { vi: 'Cấp quyết định kết nạp', en: 'Deciding body' },
  areas: { vi: 'Vùng đặc biệt', en: 'Special areas' },
  retiredOn: { vi: 'Giải thể từ ngày', en: 'Retired from' },
  reason: { vi: 'Lý do', en: 'Reason' },
};

export const UNIT_VALUE_LABELS: Readonly<Record<string, Bilingual>> = {
  CITY_COMMITTEE: { vi: 'Tỉnh ủy, thành ủy', en: 'Province committee' },
  DISTRICT_COMMITTEE: { vi: 'Huyện ủy, quận ủy', en: 'District committee' },
  WARD_COMMITTEE: { vi: 'Đảng ủy xã, phường', en: 'Ward committee' },
  BLOC_COMMITTEE: { vi: 'Đảng ủy khối', en: 'Bloc committee' },
  GRASSROOTS: { vi: 'Đảng bộ cơ sở', en: 'Grassroots committee' },
  GRASSROOTS_CELL: { vi: 'Chi bộ cơ sở', en: 'Grassroots cell' },
  CELL: { vi: 'Chi bộ trực thuộc', en: 'Cell' },
  UPPER_STANDING_COMMITTEE: { vi: 'Ban thường vụ cấp ủy cấp trên', en: 'Upper standing committee' },
  DELEGATED_GRASSROOTS_COMMITTEE: {
    vi: 'Đảng ủy cơ sở được ủy quyền',
    en: 'Delegated grassroots committee',
  },
  MOUNTAIN: { vi: 'Miền núi', en: 'Mountain' },
  BORDER: { vi: 'Biên giới', en: 'Border' },
  ISLAND: { vi: 'Hải đảo', en: 'Island' },
  ETHNIC_MINORITY: { vi: 'Vùng đồng bào dân tộc thiểu số', en: 'Ethnic-minority area' },
};
